using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HealthRecords.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddImmunisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImmunizationScheduleVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    AddedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AddedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImmunizationScheduleVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PreVaccinationChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Check = table.Column<string>(type: "jsonb", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HealthRecordId = table.Column<long>(type: "bigint", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreVaccinationChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreVaccinationChecks_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VaccinationCards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Card = table.Column<string>(type: "jsonb", nullable: false),
                    CardCreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MovedInOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MovedOutOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AppointmentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AppointmentDoses = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AppointmentPlace = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HealthRecordId = table.Column<long>(type: "bigint", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VaccinationCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VaccinationCards_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VaccinationCards_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VaccinationContraindications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Contraindication = table.Column<string>(type: "jsonb", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClearedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HealthRecordId = table.Column<long>(type: "bigint", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VaccinationContraindications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VaccinationContraindications_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VaccinationDoses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Dose = table.Column<string>(type: "jsonb", nullable: false),
                    VaccineCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DoseNumber = table.Column<int>(type: "integer", nullable: false),
                    DoseKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ScheduleCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SeriesCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SeriesDose = table.Column<int>(type: "integer", nullable: true),
                    CourseCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OnTime = table.Column<bool>(type: "boolean", nullable: false),
                    Transcribed = table.Column<bool>(type: "boolean", nullable: false),
                    VoidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VoidReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HealthRecordId = table.Column<long>(type: "bigint", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VaccinationDoses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VaccinationDoses_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VaccinationDoses_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AefiReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Report = table.Column<string>(type: "jsonb", nullable: false),
                    DoseId = table.Column<long>(type: "bigint", nullable: false),
                    OnsetDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Serious = table.Column<bool>(type: "boolean", nullable: false),
                    Classification = table.Column<int>(type: "integer", nullable: true),
                    HealthRecordId = table.Column<long>(type: "bigint", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AefiReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AefiReports_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AefiReports_VaccinationDoses_DoseId",
                        column: x => x.DoseId,
                        principalTable: "VaccinationDoses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AefiReports_DoseId",
                table: "AefiReports",
                column: "DoseId");

            migrationBuilder.CreateIndex(
                name: "IX_AefiReports_HealthRecordId",
                table: "AefiReports",
                column: "HealthRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_AefiReports_ReportedOn",
                table: "AefiReports",
                column: "ReportedOn");

            migrationBuilder.CreateIndex(
                name: "IX_ImmunizationScheduleVersions_Code",
                table: "ImmunizationScheduleVersions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PreVaccinationChecks_HealthRecordId_CheckedOn",
                table: "PreVaccinationChecks",
                columns: new[] { "HealthRecordId", "CheckedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VaccinationCards_AppointmentOn",
                table: "VaccinationCards",
                column: "AppointmentOn");

            migrationBuilder.CreateIndex(
                name: "IX_VaccinationCards_HealthRecordId",
                table: "VaccinationCards",
                column: "HealthRecordId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VaccinationCards_InstitutionId",
                table: "VaccinationCards",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_VaccinationContraindications_HealthRecordId",
                table: "VaccinationContraindications",
                column: "HealthRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_VaccinationDoses_GivenOn",
                table: "VaccinationDoses",
                column: "GivenOn");

            migrationBuilder.CreateIndex(
                name: "IX_VaccinationDoses_HealthRecordId_DoseKey_DoseNumber",
                table: "VaccinationDoses",
                columns: new[] { "HealthRecordId", "DoseKey", "DoseNumber" },
                unique: true,
                filter: "\"VoidedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VaccinationDoses_HealthRecordId_GivenOn",
                table: "VaccinationDoses",
                columns: new[] { "HealthRecordId", "GivenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VaccinationDoses_InstitutionId",
                table: "VaccinationDoses",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_VaccinationDoses_SeriesCode_SeriesDose_HealthRecordId",
                table: "VaccinationDoses",
                columns: new[] { "SeriesCode", "SeriesDose", "HealthRecordId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AefiReports");

            migrationBuilder.DropTable(
                name: "ImmunizationScheduleVersions");

            migrationBuilder.DropTable(
                name: "PreVaccinationChecks");

            migrationBuilder.DropTable(
                name: "VaccinationCards");

            migrationBuilder.DropTable(
                name: "VaccinationContraindications");

            migrationBuilder.DropTable(
                name: "VaccinationDoses");
        }
    }
}
