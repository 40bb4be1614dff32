using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthRecords.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditAndAccessRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InstitutionId",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserName",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserRole",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccessRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HealthRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    ManagingInstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequesterId = table.Column<string>(type: "TEXT", nullable: false),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequesterInstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessRequests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_InstitutionId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "InstitutionId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_ManagingInstitutionId_Status",
                table: "AccessRequests",
                columns: new[] { "ManagingInstitutionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_RequesterId_HealthRecordId",
                table: "AccessRequests",
                columns: new[] { "RequesterId", "HealthRecordId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessRequests");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_InstitutionId_AtUtc",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "InstitutionId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "UserName",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "UserRole",
                table: "AuditEntries");
        }
    }
}
