using MudBlazor;

namespace HealthRecords.Web.Features.Users;

/// <summary>Institution admins manage their users.</summary>
public sealed class UsersModule : ServiceModule
{
    public override string Name => "users";
    public override int Order => 62;

    public override void Register(ModuleBuilder module) => module
        .UseCases(typeof(UserAdmin))
        .Menu("/users", "用户管理", Icons.Material.Filled.ManageAccounts, Policies.ManageUsers, 110);

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapUsersApi();
}
