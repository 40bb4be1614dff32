using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthRecords.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChronicDiseaseManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChronicEnrolments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HealthRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    Disease = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: true),
                    EnrolledById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EnrolledByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RestoredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RestoreReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChronicEnrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChronicEnrolments_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChronicFollowUps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HealthRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    Disease = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VisitMode = table.Column<int>(type: "INTEGER", nullable: false),
                    FaceToFace = table.Column<bool>(type: "INTEGER", nullable: false),
                    Systolic = table.Column<int>(type: "INTEGER", nullable: true),
                    Diastolic = table.Column<int>(type: "INTEGER", nullable: true),
                    FastingGlucose = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    Controlled = table.Column<bool>(type: "INTEGER", nullable: true),
                    SuggestedClassification = table.Column<int>(type: "INTEGER", nullable: false),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestedAction = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestedNextVisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NextVisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DangerSigns = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Referral = table.Column<bool>(type: "INTEGER", nullable: false),
                    UrgentReferral = table.Column<bool>(type: "INTEGER", nullable: false),
                    CombinedVisitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExaminationId = table.Column<long>(type: "INTEGER", nullable: true),
                    Hypertension = table.Column<string>(type: "TEXT", nullable: true),
                    Diabetes = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChronicFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChronicFollowUps_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningBloodPressures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HealthRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Systolic = table.Column<int>(type: "INTEGER", nullable: false),
                    Diastolic = table.Column<int>(type: "INTEGER", nullable: false),
                    HighRisk = table.Column<bool>(type: "INTEGER", nullable: false),
                    TakenById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TakenByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningBloodPressures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningBloodPressures_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChronicEnrolments_Disease_Withdrawn",
                table: "ChronicEnrolments",
                columns: new[] { "Disease", "Withdrawn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChronicEnrolments_HealthRecordId_Disease",
                table: "ChronicEnrolments",
                columns: new[] { "HealthRecordId", "Disease" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChronicFollowUps_CombinedVisitId",
                table: "ChronicFollowUps",
                column: "CombinedVisitId");

            migrationBuilder.CreateIndex(
                name: "IX_ChronicFollowUps_Disease_VisitDate",
                table: "ChronicFollowUps",
                columns: new[] { "Disease", "VisitDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ChronicFollowUps_HealthRecordId_Disease_VisitDate",
                table: "ChronicFollowUps",
                columns: new[] { "HealthRecordId", "Disease", "VisitDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningBloodPressures_HealthRecordId_TakenOn",
                table: "ScreeningBloodPressures",
                columns: new[] { "HealthRecordId", "TakenOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChronicEnrolments");

            migrationBuilder.DropTable(
                name: "ChronicFollowUps");

            migrationBuilder.DropTable(
                name: "ScreeningBloodPressures");
        }
    }
}
