using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthRecords.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EncryptSensitiveFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HealthRecords_IdNumber_IdDocumentType",
                table: "HealthRecords");

            migrationBuilder.DropIndex(
                name: "IX_HealthRecords_Phone",
                table: "HealthRecords");

            migrationBuilder.AlterColumn<string>(
                name: "Phone",
                table: "HealthRecords",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdNumber",
                table: "HealthRecords",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "IdNumberHash",
                table: "HealthRecords",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PhoneHash",
                table: "HealthRecords",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataSteps",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataSteps", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_IdNumberHash_IdDocumentType",
                table: "HealthRecords",
                columns: new[] { "IdNumberHash", "IdDocumentType" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_PhoneHash",
                table: "HealthRecords",
                column: "PhoneHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataSteps");

            migrationBuilder.DropIndex(
                name: "IX_HealthRecords_IdNumberHash_IdDocumentType",
                table: "HealthRecords");

            migrationBuilder.DropIndex(
                name: "IX_HealthRecords_PhoneHash",
                table: "HealthRecords");

            migrationBuilder.DropColumn(
                name: "IdNumberHash",
                table: "HealthRecords");

            migrationBuilder.DropColumn(
                name: "PhoneHash",
                table: "HealthRecords");

            migrationBuilder.AlterColumn<string>(
                name: "Phone",
                table: "HealthRecords",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(120)",
                oldMaxLength: 120,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdNumber",
                table: "HealthRecords",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(120)",
                oldMaxLength: 120,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_IdNumber_IdDocumentType",
                table: "HealthRecords",
                columns: new[] { "IdNumber", "IdDocumentType" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_Phone",
                table: "HealthRecords",
                column: "Phone");
        }
    }
}
