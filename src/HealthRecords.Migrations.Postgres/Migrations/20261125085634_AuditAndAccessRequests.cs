using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HealthRecords.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserName",
                table: "AuditEntries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserRole",
                table: "AuditEntries",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccessRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HealthRecordId = table.Column<long>(type: "bigint", nullable: false),
                    ManagingInstitutionId = table.Column<int>(type: "integer", nullable: false),
                    RequesterId = table.Column<string>(type: "text", nullable: false),
                    RequesterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequesterInstitutionId = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedById = table.Column<string>(type: "text", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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

            // The audit log is append-only: no UPDATE or DELETE, whoever asks (TRUNCATE, used only by the tests' reset, fires no row trigger).
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'AuditEntries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER "AuditEntries_append_only" BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "AuditEntries_append_only" ON "AuditEntries";
                DROP FUNCTION IF EXISTS audit_entries_append_only();
                """);

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
