using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HealthRecords.Web.Components.Shared;

/// <summary>
/// Base of interactive pages that use the features' services. Each operation runs in a DI scope of its
/// own (a fresh DbContext), because a Blazor circuit lives much longer than one unit of work; and each
/// gets the signed-in user's <see cref="DataScope"/>, so pages go through the same scoped use cases as the API.
/// </summary>
public abstract class ScopedComponentBase : ComponentBase
{
    [Inject] private IServiceScopeFactory ScopeFactory { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected async Task<DataScope> UserAsync() => DataScope.From((await AuthenticationState).User);

    /// <summary>Runs <paramref name="work"/> with a freshly scoped <typeparamref name="TService"/> and the user's scope.</summary>
    protected async Task<T> RunAsync<TService, T>(Func<TService, DataScope, Task<T>> work) where TService : notnull
    {
        var user = await UserAsync();
        await using var scope = ScopeFactory.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>(), user);
    }
}
