using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoEngager.Scheduling.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OutboxClaimsByFollowedMessage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_channel_due_at",
                table: "outbox");

            migrationBuilder.AddColumn<long>(
                name: "follows_id",
                table: "outbox",
                type: "bigint",
                nullable: true);

            // Pending callback messages written before this column: each follows its booking's previous one.
            migrationBuilder.Sql("""
                UPDATE outbox AS o SET follows_id = (
                    SELECT max(p.id) FROM outbox AS p
                    WHERE p.booking_id = o.booking_id AND p.channel = o.channel AND p.id < o.id)
                WHERE o.channel = 'contact-center' AND o.processed_at IS NULL AND o.failed_at IS NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_channel_due_at_id",
                table: "outbox",
                columns: new[] { "channel", "due_at", "id" },
                filter: "processed_at IS NULL AND failed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_channel_due_at_id",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "follows_id",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_channel_due_at",
                table: "outbox",
                columns: new[] { "channel", "due_at" },
                filter: "processed_at IS NULL");
        }
    }
}
