using Microsoft.EntityFrameworkCore;
using GameOps.Data.Entities;
using GameOps.Web.Resources;
using GameOps.Web.Security;

namespace GameOps.Web.Api;

/// <summary>
/// Personal data in API answers follows the sensitivity marks of the model: a column marked personal is masked unless the
/// token holds <see cref="Permission.RevealPersonalData"/>, and then each revealed value is written to the audit trail.
/// </summary>
public sealed class ApiPersonalData(ResourceCatalog catalog, CurrentStaff currentStaff, PersonalDataAccess access)
{
    public async Task<string?> ShowAsync<TEntity>(string property, string? value, object entityKey)
    {
        var column = catalog.Model.FindEntityType(typeof(TEntity))?.FindProperty(property);
        if (value is null || column is null || !column.IsPersonal()) return value;
        var user = await currentStaff.GetPrincipalAsync();
        if (!user.Has(Permission.RevealPersonalData)) return ResourceField.Mask(value);
        var table = column.DeclaringType.ContainingEntityType.GetTableName() ?? typeof(TEntity).Name;
        await access.RevealAsync(table, entityKey.ToString(), column.GetColumnName());
        return value;
    }
}
