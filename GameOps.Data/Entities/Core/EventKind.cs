namespace GameOps.Data.Entities;

/// <summary>
/// Table <c>event_kinds</c> (ours, not the game's schema): the managed lists the event editor offers for
/// <c>events.event_type</c> (<see cref="Kind"/> = <c>type</c>) and <c>events.category</c> (<c>category</c>). Events store the
/// <see cref="Key"/>; a retired entry (<see cref="IsActive"/> false) stays readable on the events that use it but cannot be chosen anew.
/// </summary>
public class EventKind : IVersioned, IUpdatedAt, ICreatedAt, IActivatable
{
    public const string TypeKind = "type";
    public const string CategoryKind = "category";

    public Guid Id { get; set; }
    public string Kind { get; set; } = TypeKind;
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
