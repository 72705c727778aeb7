using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

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
                name: "tenants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SenderEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    WidgetKeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AllowedOrigins = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tenants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "agent_groups",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Agents = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agent_groups", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_agent_groups_tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "queues",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hours = table.Column<string>(type: "jsonb", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    MinNoticeMinutes = table.Column<int>(type: "integer", nullable: false),
                    BookingWindowDays = table.Column<int>(type: "integer", nullable: false),
                    AverageHandleMinutes = table.Column<int>(type: "integer", nullable: false),
                    Skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    AgentGroupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Flags = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_queues", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_queues_tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tenants_WidgetKeyHash",
                table: "tenants",
                column: "WidgetKeyHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agent_groups");

            migrationBuilder.DropTable(
                name: "queues");

            migrationBuilder.DropTable(
                name: "tenants");
        }
    }
}
