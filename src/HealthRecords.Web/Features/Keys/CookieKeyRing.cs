using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace HealthRecords.Web.Features.Keys;

/// <summary>
/// The key ring that signs sign-in cookies and antiforgery tokens (ASP.NET Core Data Protection), kept in
/// <c>cookie-keys</c> inside the configured key directory, owner-only, under one application name, so that several
/// app servers given the same directory accept each other's cookies. Losing it signs everyone out; no data is lost
/// (docs/operations.md, "Keys").
/// </summary>
public static class CookieKeyRing
{
    public const string DirectoryName = "cookie-keys";

    public static string DirectoryOf(IConfiguration config) => Path.Combine(FieldProtector.KeysDirectory(config), DirectoryName);

    public static IServiceCollection AddCookieKeyRing(this IServiceCollection services, IConfiguration config)
    {
        services.AddDataProtection().SetApplicationName("HealthRecords");
        services.AddOptions<KeyManagementOptions>().Configure<ILoggerFactory>((o, logs) =>
            o.XmlRepository = new OwnerOnlyXmlRepository(DirectoryOf(config), logs));
        return services;
    }

    /// <summary>Data Protection's file repository in an owner-only directory, each key file owner-only.</summary>
    /// <remarks>The directory is made when the first key is stored, not before: a refused start writes nothing.</remarks>
    private sealed class OwnerOnlyXmlRepository(string directory, ILoggerFactory logs) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() =>
            Directory.Exists(directory) ? new FileSystemXmlRepository(new DirectoryInfo(directory), logs).GetAllElements() : [];

        public void StoreElement(XElement element, string friendlyName)
        {
            OwnerOnly.CreateDirectory(directory);
            new FileSystemXmlRepository(new DirectoryInfo(directory), logs).StoreElement(element, friendlyName);
            foreach (var file in Directory.GetFiles(directory, "*.xml"))
            {
                OwnerOnly.Restrict(file);
            }
        }
    }
}
