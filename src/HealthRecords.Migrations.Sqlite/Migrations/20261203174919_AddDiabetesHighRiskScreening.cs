using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthRecords.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddDiabetesHighRiskScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScreeningGlucoses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HealthRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FastingGlucose = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    HighRisk = table.Column<bool>(type: "INTEGER", nullable: true),
                    TakenById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TakenByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningGlucoses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningGlucoses_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningGlucoses_HealthRecordId_TakenOn",
                table: "ScreeningGlucoses",
                columns: new[] { "HealthRecordId", "TakenOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScreeningGlucoses");
        }
    }
}
