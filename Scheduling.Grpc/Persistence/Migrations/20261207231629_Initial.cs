using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace VideoEngager.Scheduling.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    booking_id = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.tenant_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    booking_id = table.Column<string>(type: "text", nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    recipient = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    payload = table.Column<byte[]>(type: "bytea", nullable: true),
                    follows_id = table.Column<long>(type: "bigint", nullable: true),
                    trace_parent = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "slot_inventory",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    queue_id = table.Column<string>(type: "text", nullable: false),
                    slot_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    booked = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_slot_inventory", x => new { x.tenant_id, x.queue_id, x.slot_start });
                    table.CheckConstraint("ck_slot_inventory_booked", "booked >= 0");
                });

            migrationBuilder.CreateTable(
                name: "tenants",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sender_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    widget_key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    allowed_origins = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "agent_groups",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    agents = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agent_groups", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_agent_groups_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "queues",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hours = table.Column<string>(type: "jsonb", nullable: false),
                    interval_minutes = table.Column<int>(type: "integer", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    min_notice_minutes = table.Column<int>(type: "integer", nullable: false),
                    booking_window_days = table.Column<int>(type: "integer", nullable: false),
                    average_handle_minutes = table.Column<int>(type: "integer", nullable: false),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    agent_group_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    flags = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_queues", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_queues_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tenant_api_secrets",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_api_secrets", x => x.id);
                    table.ForeignKey(
                        name: "fk_tenant_api_secrets_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bookings",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    queue_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    immediate = table.Column<bool>(type: "boolean", nullable: false),
                    scheduled_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    visitor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    visitor_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    visitor_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    preferred_lang = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    attributes = table.Column<string>(type: "jsonb", nullable: false),
                    conversation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    conversation_participant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    live_conversation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    advisor_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    customer_token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    agent_token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    manage_token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    callback_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    callback_acd_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    callback_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    callback_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    customer_joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    customer_left_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    agent_joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    agent_left_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings", x => x.id);
                    table.ForeignKey(
                        name: "fk_bookings_queues_tenant_id_queue_id",
                        columns: x => new { x.tenant_id, x.queue_id },
                        principalTable: "queues",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_callback_id",
                table: "bookings",
                column: "callback_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_tenant_id_queue_id_scheduled_time",
                table: "bookings",
                columns: new[] { "tenant_id", "queue_id", "scheduled_time" });

            migrationBuilder.CreateIndex(
                name: "ux_bookings_live_conversation",
                table: "bookings",
                columns: new[] { "tenant_id", "live_conversation_id" },
                unique: true,
                filter: "live_conversation_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_booking_id",
                table: "outbox",
                column: "booking_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_channel_due_at_id",
                table: "outbox",
                columns: new[] { "channel", "due_at", "id" },
                filter: "processed_at IS NULL AND failed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_api_secrets_tenant_id",
                table: "tenant_api_secrets",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenants_widget_key_hash",
                table: "tenants",
                column: "widget_key_hash",
                unique: true);

            // Consumers sleep until a row of theirs is due; an insert wakes them at commit by NOTIFY "outbox" with
            // "<channel> <earliest due, Unix ms>" (ServiceDefaults/Outbox/OutboxAnnouncement.cs reads it). A NOTIFY
            // takes PostgreSQL's cluster-wide notify lock at commit, so only rows a consumer could sleep past are
            // announced: due within a minute (consumers poll at least once a minute). Contact-center rows never are:
            // the Scheduling process that writes them wakes its dispatcher in process (docs/decisions/0005, 0006).
            migrationBuilder.Sql("""
                CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE written record;
                BEGIN
                    FOR written IN
                        SELECT channel, min(due_at) AS due_at FROM inserted
                        WHERE channel <> 'contact-center' AND due_at < now() + interval '1 minute'
                        GROUP BY channel
                    LOOP
                        PERFORM pg_notify('outbox',
                            written.channel || ' ' || floor(extract(epoch FROM written.due_at) * 1000)::bigint);
                    END LOOP;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER outbox_notify AFTER INSERT ON outbox REFERENCING NEW TABLE AS inserted
                    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER outbox_notify ON outbox; DROP FUNCTION outbox_notify();");

            migrationBuilder.DropTable(
                name: "agent_groups");

            migrationBuilder.DropTable(
                name: "bookings");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "slot_inventory");

            migrationBuilder.DropTable(
                name: "tenant_api_secrets");

            migrationBuilder.DropTable(
                name: "queues");

            migrationBuilder.DropTable(
                name: "tenants");
        }
    }
}
