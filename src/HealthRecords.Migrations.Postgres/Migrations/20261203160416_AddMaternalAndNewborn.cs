using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HealthRecords.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Opening = table.Column<int>(type: "integer", nullable: false),
                    LastMenstrualPeriod = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedDelivery = table.Column<DateOnly>(type: "date", nullable: true),
                    DatingStart = table.Column<DateOnly>(type: "date", nullable: true),
                    EarlyRegistered = table.Column<bool>(type: "boolean", nullable: false),
                    DeliveredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DischargedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LiveBirths = table.Column<int>(type: "integer", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<int>(type: "integer", nullable: true),
                    Form = table.Column<string>(type: "jsonb", nullable: false),
                    Delivery = table.Column<string>(type: "jsonb", nullable: true),
                    Ending = table.Column<string>(type: "jsonb", nullable: true),
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PregnancyId = table.Column<long>(type: "bigint", nullable: true),
                    VisitDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Referred = table.Column<bool>(type: "boolean", nullable: false),
                    ReferralResultOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Form = table.Column<string>(type: "jsonb", nullable: false),
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PregnancyId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Referred = table.Column<bool>(type: "boolean", nullable: false),
                    ReferralResultOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Recovered = table.Column<bool>(type: "boolean", nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Visit = table.Column<string>(type: "jsonb", nullable: true),
                    Check42 = table.Column<string>(type: "jsonb", nullable: true),
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PregnancyId = table.Column<long>(type: "bigint", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Classification = table.Column<int>(type: "integer", nullable: true),
                    Referred = table.Column<bool>(type: "boolean", nullable: false),
                    UrgentReferral = table.Column<bool>(type: "boolean", nullable: false),
                    ReferralResultOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    First = table.Column<string>(type: "jsonb", nullable: true),
                    Visit = table.Column<string>(type: "jsonb", nullable: true),
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
