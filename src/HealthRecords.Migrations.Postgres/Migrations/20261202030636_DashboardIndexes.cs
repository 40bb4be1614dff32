using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthRecords.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HealthExaminations_ExamDate",
                table: "HealthExaminations");

            migrationBuilder.DropIndex(
                name: "IX_ChronicFollowUps_Disease_VisitDate",
                table: "ChronicFollowUps");

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_TownshipCode_Measures",
                table: "HealthRecords",
                columns: new[] { "TownshipCode", "Status" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "CreatedOn", "ClosedOn", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthExaminations_ExamDate",
                table: "HealthExaminations",
                column: "ExamDate")
                .Annotation("Npgsql:IndexInclude", new[] { "HealthRecordId", "Complete" });

            migrationBuilder.CreateIndex(
                name: "IX_ChronicFollowUps_Disease_VisitDate",
                table: "ChronicFollowUps",
                columns: new[] { "Disease", "VisitDate" })
                .Annotation("Npgsql:IndexInclude", new[] { "HealthRecordId", "FaceToFace", "Controlled" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HealthRecords_TownshipCode_Measures",
                table: "HealthRecords");

            migrationBuilder.DropIndex(
                name: "IX_HealthExaminations_ExamDate",
                table: "HealthExaminations");

            migrationBuilder.DropIndex(
                name: "IX_ChronicFollowUps_Disease_VisitDate",
                table: "ChronicFollowUps");

            migrationBuilder.CreateIndex(
                name: "IX_HealthExaminations_ExamDate",
                table: "HealthExaminations",
                column: "ExamDate");

            migrationBuilder.CreateIndex(
                name: "IX_ChronicFollowUps_Disease_VisitDate",
                table: "ChronicFollowUps",
                columns: new[] { "Disease", "VisitDate" });
        }
    }
}
