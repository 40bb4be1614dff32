namespace HealthRecords.Web.Features.Auth;

/// <summary>The roles of GLOSSARY "Roles". The one place roles are named; what each may do is <see cref="Permissions"/>.</summary>
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

    /// <summary>Staff roles an institution admin may give to the users of their institution.</summary>
    public static readonly IReadOnlyList<string> InstitutionStaff = [VillageDoctor, Doctor, PublicHealthStaff, RecordKeeper];

    /// <summary>Create and edit records, households (read from <see cref="Permissions"/>).</summary>
    public static IReadOnlyList<string> Editors => Permissions.RolesFor(Permission.EditRecord);

    /// <summary>Close and reopen records (read from <see cref="Permissions"/>).</summary>
    public static IReadOnlyList<string> Keepers => Permissions.RolesFor(Permission.CloseReopenRecord);

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
    /// <summary>Present while the user still signs in with an issued password that must be changed.</summary>
    public const string MustChangePassword = "hr:must-change-password";
}

/// <summary>
/// Authorization policy names: one policy per <see cref="Permission"/>, named after it and built from
/// <see cref="Permissions"/> (ServiceRegistration). The older names are aliases of the same policies.
/// </summary>
public static class Policies
{
    /// <summary>Any staff member: read and search records within scope.</summary>
    public const string Staff = nameof(Permission.ReadRecord);
    public const string Edit = nameof(Permission.EditRecord);
    public const string Keep = nameof(Permission.CloseReopenRecord);
    public const string Transfer = nameof(Permission.TransferRecord);
    public const string Merge = nameof(Permission.MergeRecords);
    public const string Print = nameof(Permission.PrintRecord);
    public const string Export = nameof(Permission.ExportRecords);
    public const string SeeFullIdentity = nameof(Permission.SeeFullIdentity);
    public const string ManageUsers = nameof(Permission.ManageUsers);
    public const string ReadAuditLog = nameof(Permission.ReadAuditLog);
    public const string ApproveAccessRequests = nameof(Permission.ApproveAccessRequests);
    public const string ManageCounty = nameof(Permission.ManageCounty);
    /// <summary>The API's description and its reference page: a developer's page for system administrators (issue #15 item 19).</summary>
    public const string ReadApiDocs = nameof(Permission.ReadApiDocs);

    public static string For(Permission permission) => permission.ToString();
}
