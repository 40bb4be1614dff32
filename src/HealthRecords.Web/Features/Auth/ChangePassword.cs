using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web.Features.Auth;

public sealed record ChangePasswordInput(string CurrentPassword, string NewPassword, string ConfirmPassword);

/// <summary>A user changes their own password; this also ends a forced change of an issued password.</summary>
public sealed class ChangePassword(UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    public async Task<CommandResult<bool>> HandleAsync(ClaimsPrincipal principal, ChangePasswordInput input)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return CommandResult<bool>.Forbidden("请重新登录");
        }
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(input.CurrentPassword))
        {
            errors.Add("currentPassword", "请输入原密码");
        }
        if (string.IsNullOrEmpty(input.NewPassword))
        {
            errors.Add("newPassword", "请输入新密码");
        }
        else if (input.NewPassword != input.ConfirmPassword)
        {
            errors.Add("confirmPassword", "两次输入的新密码不一致");
        }
        else if (input.NewPassword == input.CurrentPassword)
        {
            errors.Add("newPassword", "新密码不能与原密码相同");
        }
        if (errors.Count > 0)
        {
            return CommandResult<bool>.Invalid(errors);
        }
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, input.NewPassword);
            foreach (var e in check.Errors)
            {
                errors.Add("newPassword", e.Description);
            }
        }
        if (errors.Count > 0)
        {
            return CommandResult<bool>.Invalid(errors);
        }
        var changed = await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
        if (!changed.Succeeded)
        {
            foreach (var e in changed.Errors)
            {
                errors.Add(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword", e.Description);
            }
            return CommandResult<bool>.Invalid(errors);
        }
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        await signIn.RefreshSignInAsync(user);
        return CommandResult<bool>.Ok(true);
    }
}
