using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HealthRecords.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HealthExaminations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HealthExaminations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HealthRecordId = table.Column<long>(type: "bigint", nullable: false),
                    ExamDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Systolic = table.Column<int>(type: "integer", nullable: true),
                    Diastolic = table.Column<int>(type: "integer", nullable: true),
                    Bmi = table.Column<double>(type: "double precision", nullable: true),
                    SelfCareLevel = table.Column<int>(type: "integer", nullable: true),
                    Evaluation = table.Column<int>(type: "integer", nullable: true),
                    Complete = table.Column<bool>(type: "boolean", nullable: false),
                    Form = table.Column<string>(type: "jsonb", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_HealthExaminations_ExamDate",
                table: "HealthExaminations",
                column: "ExamDate");

            migrationBuilder.CreateIndex(
                name: "IX_HealthExaminations_HealthRecordId_ExamDate",
                table: "HealthExaminations",
                columns: new[] { "HealthRecordId", "ExamDate" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HealthExaminations");
        }
    }
}
