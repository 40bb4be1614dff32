using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthRecords.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HealthServices : Migration
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
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Form = table.Column<string>(type: "TEXT", nullable: false),
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
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consultations_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Consultations_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HealthRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ContactedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactAttempts_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Encounters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EncounterDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Form = table.Column<string>(type: "TEXT", nullable: false),
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
                    table.PrimaryKey("PK_Encounters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Encounters_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Encounters_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HealthExaminations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HealthRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    ExamDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Systolic = table.Column<int>(type: "INTEGER", nullable: true),
                    Diastolic = table.Column<int>(type: "INTEGER", nullable: true),
                    Bmi = table.Column<double>(type: "REAL", nullable: true),
                    SelfCareLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    Evaluation = table.Column<int>(type: "INTEGER", nullable: true),
                    Complete = table.Column<bool>(type: "INTEGER", nullable: false),
                    Form = table.Column<string>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthExaminations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthExaminations_HealthRecords_HealthRecordId",
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

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EncounterId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FollowUpDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToInstitution = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResultOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Form = table.Column<string>(type: "TEXT", nullable: false),
                    Back = table.Column<string>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true),
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
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Encounters_EncounterId",
                        column: x => x.EncounterId,
                        principalTable: "Encounters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Referrals_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Referrals_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "IX_Consultations_ConsultationDate",
                table: "Consultations",
                column: "ConsultationDate");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_HealthRecordId_ConsultationDate",
                table: "Consultations",
                columns: new[] { "HealthRecordId", "ConsultationDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_InstitutionId",
                table: "Consultations",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactAttempts_HealthRecordId_ContactedOn",
                table: "ContactAttempts",
                columns: new[] { "HealthRecordId", "ContactedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_EncounterDate",
                table: "Encounters",
                column: "EncounterDate");

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_HealthRecordId_EncounterDate",
                table: "Encounters",
                columns: new[] { "HealthRecordId", "EncounterDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_InstitutionId",
                table: "Encounters",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthExaminations_ExamDate",
                table: "HealthExaminations",
                column: "ExamDate");

            migrationBuilder.CreateIndex(
                name: "IX_HealthExaminations_HealthRecordId_ExamDate",
                table: "HealthExaminations",
                columns: new[] { "HealthRecordId", "ExamDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_EncounterId",
                table: "Referrals",
                column: "EncounterId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_HealthRecordId_ReferredOn",
                table: "Referrals",
                columns: new[] { "HealthRecordId", "ReferredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_InstitutionId",
                table: "Referrals",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferredOn",
                table: "Referrals",
                column: "ReferredOn");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ResultOn_FollowUpDue",
                table: "Referrals",
                columns: new[] { "ResultOn", "FollowUpDue" });

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
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "ContactAttempts");

            migrationBuilder.DropTable(
                name: "HealthExaminations");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "ScreeningBloodPressures");

            migrationBuilder.DropTable(
                name: "Encounters");
        }
    }
}
