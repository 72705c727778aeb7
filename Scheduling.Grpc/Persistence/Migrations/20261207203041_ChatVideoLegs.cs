using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoEngager.Scheduling.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ChatVideoLegs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "conversation_participant_id",
                table: "bookings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "live_conversation_id",
                table: "bookings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_bookings_callback_id",
                table: "bookings",
                column: "callback_id");

            migrationBuilder.CreateIndex(
                name: "ux_bookings_live_conversation",
                table: "bookings",
                columns: new[] { "tenant_id", "live_conversation_id" },
                unique: true,
                filter: "live_conversation_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bookings_callback_id",
                table: "bookings");

            migrationBuilder.DropIndex(
                name: "ux_bookings_live_conversation",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "conversation_participant_id",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "live_conversation_id",
                table: "bookings");
        }
    }
}
