using System.Security.Claims;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GameOps.Web.Resources;

/// <summary>
/// A column a hand-written export takes from one entity property: personal data by the property's mark (<c>.IsPersonal()</c>), and
/// then unmasked only for a caller who may export personal data, as in the table exports.
/// </summary>
public readonly record struct PersonalExportColumn(bool Personal, bool MayExport)
{
    public static PersonalExportColumn Of<TEntity>(ClaimsPrincipal user, IReadOnlyModel model, string property) =>
        new(model.FindEntityType(typeof(TEntity))?.FindProperty(property)?.IsPersonal() == true, user.MayExportPersonalData());

    public string? Cell(string? value) => !Personal || MayExport || string.IsNullOrEmpty(value) ? value : ResourceField.Mask(value);

    /// <summary>The column, as one of the personal columns that left unmasked, when it did.</summary>
    public IReadOnlyCollection<string> Left(string column) => Personal && MayExport ? [column] : [];
}
