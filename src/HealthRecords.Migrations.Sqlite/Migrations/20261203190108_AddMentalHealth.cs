using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthRecords.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddMentalHealth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MentalHealthPatients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnrolledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Consent = table.Column<int>(type: "INTEGER", nullable: true),
                    Managed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExaminationAgreed = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RemovalReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProfileVersions = table.Column<int>(type: "INTEGER", nullable: false),
                    Profile = table.Column<string>(type: "TEXT", nullable: false),
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
                    table.PrimaryKey("PK_MentalHealthPatients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentalHealthPatients_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentalHealthStaff",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Duty = table.Column<int>(type: "INTEGER", nullable: false),
                    DesignatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DesignatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentalHealthStaff", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_MentalHealthStaff_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentalHealthFollowUps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<long>(type: "INTEGER", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Condition = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestedCondition = table.Column<int>(type: "INTEGER", nullable: true),
                    NextVisitDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SuggestedNextVisitDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Referred = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferralResultOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
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
                    table.PrimaryKey("PK_MentalHealthFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentalHealthFollowUps_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MentalHealthFollowUps_MentalHealthPatients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "MentalHealthPatients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentalHealthProfileVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<long>(type: "INTEGER", nullable: false),
                    HealthRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ChangedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Profile = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentalHealthProfileVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentalHealthProfileVersions_MentalHealthPatients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "MentalHealthPatients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MentalHealthFollowUps_HealthRecordId_VisitDate",
                table: "MentalHealthFollowUps",
                columns: new[] { "HealthRecordId", "VisitDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentalHealthFollowUps_PatientId_VisitDate",
                table: "MentalHealthFollowUps",
                columns: new[] { "PatientId", "VisitDate" });

            migrationBuilder.CreateIndex(
                name: "IX_MentalHealthPatients_HealthRecordId_EnrolledOn",
                table: "MentalHealthPatients",
                columns: new[] { "HealthRecordId", "EnrolledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MentalHealthPatients_Open",
                table: "MentalHealthPatients",
                column: "HealthRecordId",
                unique: true,
                filter: "\"RemovedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MentalHealthProfileVersions_PatientId_Number",
                table: "MentalHealthProfileVersions",
                columns: new[] { "PatientId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MentalHealthFollowUps");

            migrationBuilder.DropTable(
                name: "MentalHealthProfileVersions");

            migrationBuilder.DropTable(
                name: "MentalHealthStaff");

            migrationBuilder.DropTable(
                name: "MentalHealthPatients");
        }
    }
}
