namespace HealthRecords.Web.Features.Regions;

public sealed record VillageView(string Code, string SpecCode, string Name, string TownshipCode, string TownshipName, int InstitutionId);

public sealed record InstitutionView(int Id, string Code, string Name, string Kind, int? ParentId);

/// <summary>Places and institutions of the county. Not personal data; any signed-in staff may read them.</summary>
public static class RegionsApi
{
    public static void MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("区划与机构").RequireAuthorization(Policies.Staff);
        api.MapGet("/villages", async (HealthRecordsDbContext db, CancellationToken ct) => TypedResults.Ok(await VillagesAsync(db, ct)));
        api.MapGet("/institutions", async (HealthRecordsDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Institutions.AsNoTracking().OrderBy(i => i.Code)
                .Select(i => new InstitutionView(i.Id, i.Code, i.Name, i.Kind.ToString(), i.ParentId)).ToListAsync(ct)));
    }

    public static async Task<IReadOnlyList<VillageView>> VillagesAsync(HealthRecordsDbContext db, CancellationToken ct) =>
        await (from v in db.Villages.AsNoTracking()
               join t in db.Townships on v.TownshipCode equals t.Code
               orderby v.Code
               select new VillageView(v.Code, v.SpecCode, v.Name, t.Code, t.Name, v.InstitutionId)).ToListAsync(ct);
}
