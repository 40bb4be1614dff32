namespace HealthRecords.Web.Features.Auth;

/// <summary>The roles of GLOSSARY "Roles", and what each may do with records. The one place roles are named.</summary>
public static class Roles
{
    public const string VillageDoctor = nameof(VillageDoctor);
    public const string Doctor = nameof(Doctor);
    public const string PublicHealthStaff = nameof(PublicHealthStaff);
    public const string RecordKeeper = nameof(RecordKeeper);
    public const string InstitutionAdmin = nameof(InstitutionAdmin);
    public const string Supervisor = nameof(Supervisor);
    public const string SystemAdmin = nameof(SystemAdmin);
    public const string Resident = nameof(Resident);

    public static readonly IReadOnlyList<string> All =
        [VillageDoctor, Doctor, PublicHealthStaff, RecordKeeper, InstitutionAdmin, Supervisor, SystemAdmin, Resident];

    /// <summary>Create and edit records, households.</summary>
    public static readonly IReadOnlyList<string> Editors = [VillageDoctor, Doctor, PublicHealthStaff, RecordKeeper, SystemAdmin];

    /// <summary>Close, reopen, merge and transfer records (record keeping).</summary>
    public static readonly IReadOnlyList<string> Keepers = [RecordKeeper, PublicHealthStaff, SystemAdmin];

    public static string Label(string role) => role switch
    {
        VillageDoctor => "村医",
        Doctor => "全科医生",
        PublicHealthStaff => "公卫人员",
        RecordKeeper => "档案管理员",
        InstitutionAdmin => "机构管理员",
        Supervisor => "卫健委监管人员",
        SystemAdmin => "系统管理员",
        Resident => "居民",
        _ => role,
    };
}

/// <summary>Claim types added at sign-in.</summary>
public static class ScopeClaims
{
    public const string Institution = "hr:institution";
    public const string Village = "hr:village";
    public const string DisplayName = "hr:name";
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Edit = nameof(Edit);
    public const string Keep = nameof(Keep);
}
