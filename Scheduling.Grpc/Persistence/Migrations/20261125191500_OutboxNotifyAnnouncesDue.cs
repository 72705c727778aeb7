using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoEngager.Scheduling.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OutboxNotifyAnnouncesDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The notification names each channel written and its earliest due time ("notification 1764097200000", Unix
            // ms), so a consumer wakes only for its own rows and only when they are due: a booking's reminder, due
            // days ahead, no longer costs the mail worker two queries at commit.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE written record;
                BEGIN
                    FOR written IN SELECT channel, min(due_at) AS due_at FROM inserted GROUP BY channel LOOP
                        PERFORM pg_notify('outbox',
                            written.channel || ' ' || floor(extract(epoch FROM written.due_at) * 1000)::bigint);
                    END LOOP;
                    RETURN NULL;
                END $$;
                DROP TRIGGER outbox_notify ON outbox;
                CREATE TRIGGER outbox_notify AFTER INSERT ON outbox REFERENCING NEW TABLE AS inserted
                    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('outbox', '');
                    RETURN NULL;
                END $$;
                DROP TRIGGER outbox_notify ON outbox;
                CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
                """);
        }
    }
}
