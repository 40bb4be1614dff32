using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HealthRecords.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HealthRecordId = table.Column<long>(type: "bigint", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FastingGlucose = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    HighRisk = table.Column<bool>(type: "boolean", nullable: true),
                    TakenById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    TakenByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
