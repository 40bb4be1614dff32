using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthRecords.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CoveringSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NameSearchKeys_TownshipCode_Key",
                table: "NameSearchKeys");

            migrationBuilder.CreateIndex(
                name: "IX_NameSearchKeys_TownshipCode_Key",
                table: "NameSearchKeys",
                columns: new[] { "TownshipCode", "Key" })
                .Annotation("Npgsql:IndexInclude", new[] { "HealthRecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_Id_Search",
                table: "HealthRecords",
                column: "Id")
                .Annotation("Npgsql:IndexInclude", new[] { "TownshipCode", "ManagingInstitutionId", "Status", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NameSearchKeys_TownshipCode_Key",
                table: "NameSearchKeys");

            migrationBuilder.DropIndex(
                name: "IX_HealthRecords_Id_Search",
                table: "HealthRecords");

            migrationBuilder.CreateIndex(
                name: "IX_NameSearchKeys_TownshipCode_Key",
                table: "NameSearchKeys",
                columns: new[] { "TownshipCode", "Key" });
        }
    }
}
