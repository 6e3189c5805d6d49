namespace GameOps.Data.Entities;

/// <summary>An optimistic-concurrency counter (<c>version</c>) that goes up by one on every save.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>Rows with <c>updated_at</c>: stamped on every save and used as the concurrency token.</summary>
public interface IUpdatedAt
{
    DateTime UpdatedAt { get; set; }
}

public interface ICreatedAt
{
    DateTime CreatedAt { get; set; }
}

/// <summary>Rows switched on and off by <c>is_active</c>: activated and deactivated in bulk, deactivated rather than deleted while in use.</summary>
public interface IActivatable
{
    bool IsActive { get; set; }
}

/// <summary>The property is stored as JSON: <c>jsonb</c> on PostgreSQL, TEXT on SQLite.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class JsonColumnAttribute : Attribute;
