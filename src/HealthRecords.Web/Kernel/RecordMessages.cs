namespace HealthRecords.Web.Kernel;

/// <summary>
/// What a user is told when a record or form cannot be read or changed: defined once here and used by every use case
/// and page (and the API's problem titles).
/// </summary>
public static class RecordMessages
{
    /// <summary>A record that does not exist and one outside the user's scope look the same.</summary>
    public const string RecordNotFound = "档案不存在或不在您的管理范围内";

    /// <summary>A form (or its record) that does not exist or is outside the user's scope.</summary>
    public const string FormNotFound = "记录不存在或不在您的管理范围内";

    /// <summary>A closed or merged record: nothing is added to it or changed in it.</summary>
    public const string ReadOnly = "档案已终止或已合并，为只读";

    /// <summary>A record lent to the user by an access request (档案借阅): it may be read, never changed.</summary>
    public const string Lent = "借阅的档案：在借阅有效期内只能查看，不能修改。";

    /// <summary>A change that names no version.</summary>
    public const string MissingVersion = "缺少版本号，请刷新后重试";

    /// <summary>A form that does not exist or is outside the user's scope, named (e.g. "体检记录").</summary>
    public static string NotFound(string what) => $"{what}不存在或不在您的管理范围内";

    /// <summary>A record that is read-only, with what the user may do about it (e.g. "如需修改请先恢复档案").</summary>
    public static string ReadOnlyThen(string what) => $"{ReadOnly}；{what}";

    /// <summary>A save based on an older version (optimistic concurrency): nothing was overwritten.</summary>
    public static string Stale(string what = "记录") => $"该{what}已被他人修改，您的修改未保存。请刷新查看最新内容后重新修改。";

    /// <summary>A role that may read but not do this (e.g. "填写服务记录").</summary>
    public static string RoleCannot(string what) => $"您的角色不能{what}";
}
