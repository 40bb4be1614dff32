namespace HealthRecords.Web.Features.Users;

public sealed record UserSummary(
    string Id, string UserName, string DisplayName, string Role, string RoleLabel,
    int? InstitutionId, string? InstitutionName, bool Disabled, bool MustChangePassword, IReadOnlyList<string> Villages);

public sealed record NewUserInput(string UserName, string DisplayName, string Role, int? InstitutionId = null, IReadOnlyList<string>? Villages = null);

public sealed record VillagesInput(IReadOnlyList<string> Villages);

/// <summary>A password issued by an administrator: shown once, to be changed at first sign-in.</summary>
public sealed record IssuedPassword(UserSummary User, string Password);

public sealed record AssignableVillage(string Code, string Name, string TownshipName);
