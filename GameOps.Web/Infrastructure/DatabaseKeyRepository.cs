using System.Xml.Linq;
using GameOps.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Infrastructure;

/// <summary>
/// The Data Protection key ring in <c>staff_data_protection_keys</c> (the context is the package's
/// <see cref="IDataProtectionKeyContext"/>). Like the package's own repository, but on a context of its own without
/// the staff audit interceptor: a key is created by whatever request first needs one, and its XML (the key material)
/// must never be copied into an audit row.
/// </summary>
public sealed class DatabaseKeyRepository(DatabaseOptions database, ILogger<DatabaseKeyRepository> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = GameOpsDatabase.CreateContext(database);
        IDataProtectionKeyContext keys = db;
        return keys.DataProtectionKeys.AsNoTracking().Where(k => k.Xml != null).Select(k => k.Xml!).ToList()
            .Select(xml => XElement.Parse(xml)).ToList().AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = GameOpsDatabase.CreateContext(database);
        IDataProtectionKeyContext keys = db;
        keys.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
        logger.LogInformation("Stored Data Protection key {FriendlyName} in staff_data_protection_keys.", friendlyName);
    }
}
