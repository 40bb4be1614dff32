namespace HealthRecords.Web.Features.Auth;

/// <summary>What a user may do. Which roles may do each is <see cref="Permissions.Table"/>; data scope limits it further.</summary>
public enum Permission
{
    ReadRecord,
    SearchRecords,
    EditRecord,
    CloseReopenRecord,
    TransferRecord,
    MergeRecords,
    PrintRecord,
    ExportRecords,
    SeeFullIdentity,
    ManageUsers,
    ReadAuditLog,
    ApproveAccessRequests,
    ManageCounty,
    ReadApiDocs,
}

/// <summary>
/// Roles × actions in one place (issue #3 "each role's allowed actions are written down in one place").
/// Policies, <see cref="DataScope"/>'s <c>Can…</c> and docs/security.md all read this table.
/// </summary>
public static class Permissions
{
    private const string V = Roles.VillageDoctor, D = Roles.Doctor, P = Roles.PublicHealthStaff, K = Roles.RecordKeeper,
        I = Roles.InstitutionAdmin, S = Roles.Supervisor, A = Roles.SystemAdmin;

    public static readonly IReadOnlyList<(Permission Permission, string Label, IReadOnlyList<string> Roles)> Table =
    [
        (Permission.ReadRecord, "查看档案", [V, D, P, K, I, S, A]),
        (Permission.SearchRecords, "查找居民", [V, D, P, K, I, S, A]),
        (Permission.EditRecord, "建档、修改档案与家庭", [V, D, P, K, A]),
        (Permission.CloseReopenRecord, "终止、恢复档案", [P, K, A]),
        (Permission.TransferRecord, "档案迁移", [P, K, A]),
        (Permission.MergeRecords, "合并重复档案", [P, K, A]),
        (Permission.PrintRecord, "打印档案封面与信息卡", [V, D, P, K, I, S, A]),
        (Permission.ExportRecords, "导出居民名单", [P, K, S, A]),
        (Permission.SeeFullIdentity, "查看完整身份证号与电话", [V, D, P, K, A]),
        (Permission.ManageUsers, "管理用户", [I, A]),
        (Permission.ReadAuditLog, "查阅审计日志", [K, I, S, A]),
        (Permission.ApproveAccessRequests, "审批档案借阅申请", [K, I, A]),
        (Permission.ManageCounty, "载入区县、管理机构与常住人口", [A]),
        (Permission.ReadApiDocs, "查阅 API 文档", [A]),
    ];

    private static readonly Dictionary<Permission, IReadOnlyList<string>> ByPermission =
        Table.ToDictionary(t => t.Permission, t => t.Roles);

    public static IReadOnlyList<string> RolesFor(Permission permission) => ByPermission[permission];

    public static bool Allows(string role, Permission permission) => ByPermission[permission].Contains(role);

    public static string Label(Permission permission) => Table.First(t => t.Permission == permission).Label;
}
