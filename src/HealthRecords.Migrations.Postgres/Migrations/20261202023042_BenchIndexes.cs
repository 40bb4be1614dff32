using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthRecords.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BenchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_BirthDate_Status",
                table: "HealthRecords",
                columns: new[] { "BirthDate", "Status" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_VillageCode_Status",
                table: "HealthRecords",
                columns: new[] { "VillageCode", "Status" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "BirthDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HealthRecords_BirthDate_Status",
                table: "HealthRecords");

            migrationBuilder.DropIndex(
                name: "IX_HealthRecords_VillageCode_Status",
                table: "HealthRecords");
        }
    }
}
