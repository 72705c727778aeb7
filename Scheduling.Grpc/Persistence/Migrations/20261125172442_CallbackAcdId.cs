using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoEngager.Scheduling.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CallbackAcdId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "callback_acd_id",
                table: "bookings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "callback_acd_id",
                table: "bookings");
        }
    }
}
