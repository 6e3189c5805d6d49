using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Entities;

/// <summary>
/// How sensitive a column is. Set once on the model (by <see cref="SecretAttribute"/>, <see cref="PersonalAttribute"/>
/// or <see cref="SensitivityModelExtensions.IsSecret"/> for columns we do not own, such as Identity's) and read by every
/// consumer: list columns, filters, sorts, search, export, reveal and audit redaction.
/// </summary>
public enum Sensitivity
{
    None = 0,
    /// <summary>Personal data of a player or staff member: masked for roles without reveal, never filtered, sorted or searched by them.</summary>
    Personal = 1,
    /// <summary>A credential or key: never shown, listed, filtered, sorted, searched, exported, logged or audited.</summary>
    Secret = 2,
}

/// <summary>The column holds a secret (password hash, token, key, recovery code).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;

/// <summary>The column holds personal data (email, IP address, free text that identifies a person).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalAttribute : Attribute;

public static class SensitivityModelExtensions
{
    public const string Annotation = "GameOps:Sensitivity";

    public static Sensitivity GetSensitivity(this IReadOnlyProperty property) =>
        property.FindAnnotation(Annotation)?.Value is Sensitivity s ? s : Sensitivity.None;

    public static bool IsSecret(this IReadOnlyProperty property) => property.GetSensitivity() == Sensitivity.Secret;

    public static bool IsPersonal(this IReadOnlyProperty property) => property.GetSensitivity() == Sensitivity.Personal;

    public static PropertyBuilder IsSecret(this PropertyBuilder builder) => builder.HasAnnotation(Annotation, Sensitivity.Secret);

    public static PropertyBuilder IsPersonal(this PropertyBuilder builder) => builder.HasAnnotation(Annotation, Sensitivity.Personal);

    public static PropertyBuilder<T> IsSecret<T>(this PropertyBuilder<T> builder) => builder.HasAnnotation(Annotation, Sensitivity.Secret);

    public static PropertyBuilder<T> IsPersonal<T>(this PropertyBuilder<T> builder) => builder.HasAnnotation(Annotation, Sensitivity.Personal);
}
