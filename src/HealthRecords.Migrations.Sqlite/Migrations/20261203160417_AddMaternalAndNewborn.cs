using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthRecords.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddMaternalAndNewborn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Pregnancies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Opening = table.Column<int>(type: "INTEGER", nullable: false),
                    LastMenstrualPeriod = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpectedDelivery = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DatingStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EarlyRegistered = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DischargedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LiveBirths = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<int>(type: "INTEGER", nullable: true),
                    Form = table.Column<string>(type: "TEXT", nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", nullable: true),
                    Ending = table.Column<string>(type: "TEXT", nullable: true),
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
                    table.PrimaryKey("PK_Pregnancies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pregnancies_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NewbornVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PregnancyId = table.Column<long>(type: "INTEGER", nullable: true),
                    VisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Referred = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferralResultOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
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
                    table.PrimaryKey("PK_NewbornVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewbornVisits_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NewbornVisits_Pregnancies_PregnancyId",
                        column: x => x.PregnancyId,
                        principalTable: "Pregnancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PostpartumVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PregnancyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Referred = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferralResultOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Recovered = table.Column<bool>(type: "INTEGER", nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Visit = table.Column<string>(type: "TEXT", nullable: true),
                    Check42 = table.Column<string>(type: "TEXT", nullable: true),
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
                    table.PrimaryKey("PK_PostpartumVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostpartumVisits_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PostpartumVisits_Pregnancies_PregnancyId",
                        column: x => x.PregnancyId,
                        principalTable: "Pregnancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PrenatalVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PregnancyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Classification = table.Column<int>(type: "INTEGER", nullable: true),
                    Referred = table.Column<bool>(type: "INTEGER", nullable: false),
                    UrgentReferral = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferralResultOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    First = table.Column<string>(type: "TEXT", nullable: true),
                    Visit = table.Column<string>(type: "TEXT", nullable: true),
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
                    table.PrimaryKey("PK_PrenatalVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrenatalVisits_HealthRecords_HealthRecordId",
                        column: x => x.HealthRecordId,
                        principalTable: "HealthRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PrenatalVisits_Pregnancies_PregnancyId",
                        column: x => x.PregnancyId,
                        principalTable: "Pregnancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NewbornVisits_HealthRecordId_VisitDate",
                table: "NewbornVisits",
                columns: new[] { "HealthRecordId", "VisitDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewbornVisits_PregnancyId",
                table: "NewbornVisits",
                column: "PregnancyId");

            migrationBuilder.CreateIndex(
                name: "IX_PostpartumVisits_HealthRecordId",
                table: "PostpartumVisits",
                column: "HealthRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_PostpartumVisits_PregnancyId_Kind_VisitDate",
                table: "PostpartumVisits",
                columns: new[] { "PregnancyId", "Kind", "VisitDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pregnancies_DeliveredOn",
                table: "Pregnancies",
                column: "DeliveredOn");

            migrationBuilder.CreateIndex(
                name: "IX_Pregnancies_HealthRecordId_RegisteredOn",
                table: "Pregnancies",
                columns: new[] { "HealthRecordId", "RegisteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Pregnancies_Open",
                table: "Pregnancies",
                column: "HealthRecordId",
                unique: true,
                filter: "\"EndedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PrenatalVisits_HealthRecordId",
                table: "PrenatalVisits",
                column: "HealthRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_PrenatalVisits_PregnancyId_Round_VisitDate",
                table: "PrenatalVisits",
                columns: new[] { "PregnancyId", "Round", "VisitDate" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NewbornVisits");

            migrationBuilder.DropTable(
                name: "PostpartumVisits");

            migrationBuilder.DropTable(
                name: "PrenatalVisits");

            migrationBuilder.DropTable(
                name: "Pregnancies");
        }
    }
}
