using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthRecords.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddChildCheckups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChildCheckups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Age = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgeInDays = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightKg = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    HeightCm = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: true),
                    WeightForAgeZ = table.Column<double>(type: "REAL", nullable: true),
                    HeightForAgeZ = table.Column<double>(type: "REAL", nullable: true),
                    WeightForStatureZ = table.Column<double>(type: "REAL", nullable: true),
                    SuggestedWeightRating = table.Column<int>(type: "INTEGER", nullable: true),
                    WeightRating = table.Column<int>(type: "INTEGER", nullable: true),
                    SuggestedHeightRating = table.Column<int>(type: "INTEGER", nullable: true),
                    HeightRating = table.Column<int>(type: "INTEGER", nullable: true),
                    SuggestedDevelopment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Development = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HaemoglobinGPerL = table.Column<int>(type: "INTEGER", nullable: true),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Referral = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferralResultOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReferralResult = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NextVisitDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Infant = table.Column<string>(type: "TEXT", nullable: true),
                    Toddler = table.Column<string>(type: "TEXT", nullable: true),
                    Preschool = table.Column<string>(type: "TEXT", nullable: true),
                    HealthRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildCheckups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildCheckups_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChildCheckups_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildCheckups_HealthRecordId_Age",
                table: "ChildCheckups",
                columns: new[] { "HealthRecordId", "Age" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildCheckups_InstitutionId",
                table: "ChildCheckups",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildCheckups_VisitDate",
                table: "ChildCheckups",
                column: "VisitDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChildCheckups");
        }
    }
}
