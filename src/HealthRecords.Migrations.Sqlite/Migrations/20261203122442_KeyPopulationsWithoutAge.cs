using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HealthRecords.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KeyPopulationsWithoutAge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Key populations that depend on age are computed from the birth date for the day in question (issue #13), so a
            // record stores only what does not age: drop the stamped 0–6 (1) and 65+ (4) tags, and store hypertension (8)
            // and diabetes (16) from 既往史 (past disease codes 2 and 3) whatever the age at the last save.
            migrationBuilder.Sql("""
                UPDATE "HealthRecords" SET "KeyPopulations" = ("KeyPopulations" & ~5)
                    | CASE WHEN EXISTS (SELECT 1 FROM json_each("PersonalInfo", '$.pastDiseases') WHERE json_extract(value, '$.code') = 2) THEN 8 ELSE 0 END
                    | CASE WHEN EXISTS (SELECT 1 FROM json_each("PersonalInfo", '$.pastDiseases') WHERE json_extract(value, '$.code') = 3) THEN 16 ELSE 0 END;
                """);


        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
