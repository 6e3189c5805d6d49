namespace GameOps.Web.Components.Shared;

public enum ConflictChoice { Reload, Overwrite }
