using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthRecords.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddBirthRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BirthRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PregnancyId = table.Column<long>(type: "INTEGER", nullable: false),
                    BabyIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    HealthRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BirthRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BirthRecords_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BirthRecords_Pregnancies_PregnancyId",
                        column: x => x.PregnancyId,
                        principalTable: "Pregnancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BirthRecords_HealthRecordId",
                table: "BirthRecords",
                column: "HealthRecordId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BirthRecords_PregnancyId_BabyIndex",
                table: "BirthRecords",
                columns: new[] { "PregnancyId", "BabyIndex" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BirthRecords");
        }
    }
}
