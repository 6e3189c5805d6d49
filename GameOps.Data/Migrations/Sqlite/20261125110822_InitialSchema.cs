using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "achievements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    achievement_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    points = table.Column<int>(type: "INTEGER", nullable: false),
                    requirements = table.Column<string>(type: "TEXT", nullable: false),
                    rewards = table.Column<string>(type: "TEXT", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_achievements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "business_metrics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    metric_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    metric_value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    metric_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    dimensions = table.Column<string>(type: "TEXT", nullable: true),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_business_metrics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    start_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    end_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    duration = table.Column<int>(type: "INTEGER", nullable: true),
                    max_participants = table.Column<int>(type: "INTEGER", nullable: true),
                    current_participants = table.Column<int>(type: "INTEGER", nullable: false),
                    requirements = table.Column<string>(type: "TEXT", nullable: false),
                    rewards = table.Column<string>(type: "TEXT", nullable: false),
                    settings = table.Column<string>(type: "TEXT", nullable: true),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                    table.UniqueConstraint("ak_events_event_id", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "guilds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guild_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    emblem_url = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    experience = table.Column<long>(type: "INTEGER", nullable: false),
                    max_members = table.Column<int>(type: "INTEGER", nullable: false),
                    treasury = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guilds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    item_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    rarity = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    level_requirement = table.Column<int>(type: "INTEGER", nullable: false),
                    value = table.Column<int>(type: "INTEGER", nullable: false),
                    stack_size = table.Column<int>(type: "INTEGER", nullable: false),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    requirements = table.Column<string>(type: "TEXT", nullable: false),
                    effects = table.Column<string>(type: "TEXT", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "matches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    match_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    game_mode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    match_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    participants = table.Column<string>(type: "TEXT", nullable: true),
                    match_data = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ended_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    duration = table.Column<int>(type: "INTEGER", nullable: true),
                    winner_team = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "performance_metrics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    metric_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    metric_value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    metric_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    tags = table.Column<string>(type: "TEXT", nullable: true),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_metrics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_definitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    resource_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    base_value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    min_value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    max_value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    regen_rate = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    regen_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_definitions", x => x.id);
                    table.UniqueConstraint("ak_resource_definitions_resource_id", x => x.resource_id);
                });

            migrationBuilder.CreateTable(
                name: "skill_definitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    skill_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    skill_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    element = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    level_requirement = table.Column<int>(type: "INTEGER", nullable: false),
                    mana_cost = table.Column<int>(type: "INTEGER", nullable: false),
                    cooldown = table.Column<int>(type: "INTEGER", nullable: false),
                    damage = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    range = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    effects = table.Column<string>(type: "TEXT", nullable: false),
                    requirements = table.Column<string>(type: "TEXT", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_skill_definitions", x => x.id);
                    table.UniqueConstraint("ak_skill_definitions_skill_id", x => x.skill_id);
                });

            migrationBuilder.CreateTable(
                name: "staff_audit_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    staff_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    staff_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    entity_key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    changes = table.Column<string>(type: "TEXT", nullable: true),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_audit_logs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    is_disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    must_change_password = table.Column<bool>(type: "INTEGER", nullable: false),
                    theme_preference = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_sign_in_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    username = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_login = table.Column<DateTime>(type: "TEXT", nullable: true),
                    preferences = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "world_zones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    zone_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    zone_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    level_range_min = table.Column<int>(type: "INTEGER", nullable: false),
                    level_range_max = table.Column<int>(type: "INTEGER", nullable: false),
                    coordinates = table.Column<string>(type: "TEXT", nullable: false),
                    spawn_points = table.Column<string>(type: "TEXT", nullable: false),
                    safe_zones = table.Column<string>(type: "TEXT", nullable: false),
                    pvp_zones = table.Column<string>(type: "TEXT", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_world_zones", x => x.id);
                    table.UniqueConstraint("ak_world_zones_zone_id", x => x.zone_id);
                });

            migrationBuilder.CreateTable(
                name: "event_analytics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    metric_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    metric_value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    metric_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    tags = table.Column<string>(type: "TEXT", nullable: true),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_analytics", x => x.id);
                    table.ForeignKey(
                        name: "fk_event_analytics_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "event_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "event_schedules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    schedule_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    cron_expression = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    window_start = table.Column<DateTime>(type: "TEXT", nullable: true),
                    window_end = table.Column<DateTime>(type: "TEXT", nullable: true),
                    duration_minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    next_run = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_run = table.Column<DateTime>(type: "TEXT", nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_schedules", x => x.id);
                    table.ForeignKey(
                        name: "fk_event_schedules_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crafting_recipes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recipe_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    result_item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    result_quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    required_items = table.Column<string>(type: "TEXT", nullable: false),
                    required_level = table.Column<int>(type: "INTEGER", nullable: false),
                    required_skill = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    crafting_time = table.Column<int>(type: "INTEGER", nullable: false),
                    success_rate = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crafting_recipes", x => x.id);
                    table.ForeignKey(
                        name: "fk_crafting_recipes_items_result_item_id",
                        column: x => x.result_item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "event_rewards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    condition_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    rank_min = table.Column<int>(type: "INTEGER", nullable: true),
                    rank_max = table.Column<int>(type: "INTEGER", nullable: true),
                    score_threshold = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_rewards", x => x.id);
                    table.ForeignKey(
                        name: "fk_event_rewards_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_rewards_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_role_claims_staff_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "staff_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_user_claims_staff_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_staff_user_logins_staff_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_staff_user_roles_staff_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "staff_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_staff_user_roles_staff_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_staff_user_tokens_staff_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "actors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    experience = table.Column<long>(type: "INTEGER", nullable: false),
                    stats = table.Column<string>(type: "TEXT", nullable: false),
                    position = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_active = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actors", x => x.id);
                    table.ForeignKey(
                        name: "fk_actors_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "audit_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    resource = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    details = table.Column<string>(type: "TEXT", nullable: true),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_logs", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_logs_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "channels",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    channel_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    guild_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    max_members = table.Column<int>(type: "INTEGER", nullable: true),
                    permissions = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channels", x => x.id);
                    table.ForeignKey(
                        name: "fk_channels_guilds_guild_id",
                        column: x => x.guild_id,
                        principalTable: "guilds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_channels_players_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "fraud_detection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    fraud_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    risk_score = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    indicators = table.Column<string>(type: "TEXT", nullable: true),
                    is_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    detected_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fraud_detection", x => x.id);
                    table.ForeignKey(
                        name: "fk_fraud_detection_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "match_participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    match_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    team_id = table.Column<int>(type: "INTEGER", nullable: true),
                    role = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    match_data = table.Column<string>(type: "TEXT", nullable: true),
                    joined_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_participants", x => x.id);
                    table.ForeignKey(
                        name: "fk_match_participants_matches_match_id",
                        column: x => x.match_id,
                        principalTable: "matches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_match_participants_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "match_queues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    queue_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    game_mode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    queue_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    preferences = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    queued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    matched_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_queues", x => x.id);
                    table.ForeignKey(
                        name: "fk_match_queues_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "match_results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    match_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    team_id = table.Column<int>(type: "INTEGER", nullable: true),
                    result = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    rating_change = table.Column<int>(type: "INTEGER", nullable: true),
                    new_rating = table.Column<int>(type: "INTEGER", nullable: true),
                    performance_score = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: true),
                    rewards = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_results", x => x.id);
                    table.ForeignKey(
                        name: "fk_match_results_matches_match_id",
                        column: x => x.match_id,
                        principalTable: "matches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_match_results_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moderation_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    action_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    moderator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    target_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    action_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    duration = table.Column<int>(type: "INTEGER", nullable: true),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moderation_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_moderation_actions_players_target_user_id",
                        column: x => x.target_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_moderation_actions_users_moderator_id",
                        column: x => x.moderator_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    notification_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    notification_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    priority = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    scheduled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    delivered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    failure_reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    retry_count = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payment_transactions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    transaction_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount = table.Column<double>(type: "REAL", precision: 12, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    amount_usd = table.Column<double>(type: "REAL", precision: 12, scale: 2, nullable: false),
                    product_sku = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    provider_transaction_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    failure_reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    metadata = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    refunded_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_transactions", x => x.id);
                    table.ForeignKey(
                        name: "fk_payment_transactions_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "security_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    severity = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    details = table.Column<string>(type: "TEXT", nullable: true),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    is_resolved = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_security_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_security_events_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "session_data",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    session_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    start_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    end_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    duration = table.Column<int>(type: "INTEGER", nullable: true),
                    actions = table.Column<string>(type: "TEXT", nullable: true),
                    performance = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_data", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_data_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    team_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    team_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    team_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    leader_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    members = table.Column<string>(type: "TEXT", nullable: true),
                    team_rating = table.Column<int>(type: "INTEGER", nullable: false),
                    wins = table.Column<int>(type: "INTEGER", nullable: false),
                    losses = table.Column<int>(type: "INTEGER", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teams", x => x.id);
                    table.ForeignKey(
                        name: "fk_teams_players_leader_id",
                        column: x => x.leader_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_analytics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    metric_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    metric_value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    metric_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    tags = table.Column<string>(type: "TEXT", nullable: true),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_analytics", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_analytics_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_preferences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    notify_email = table.Column<bool>(type: "INTEGER", nullable: false),
                    notify_push = table.Column<bool>(type: "INTEGER", nullable: false),
                    notify_in_game = table.Column<bool>(type: "INTEGER", nullable: false),
                    marketing_opt_in = table.Column<bool>(type: "INTEGER", nullable: false),
                    profile_visibility = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    show_online_status = table.Column<bool>(type: "INTEGER", nullable: false),
                    allow_friend_requests = table.Column<bool>(type: "INTEGER", nullable: false),
                    allow_trade_requests = table.Column<bool>(type: "INTEGER", nullable: false),
                    chat_filter_level = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    settings = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_preferences", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_preferences_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    session_token = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_activity = table.Column<DateTime>(type: "TEXT", nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_sessions_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quest_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    quest_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    level_requirement = table.Column<int>(type: "INTEGER", nullable: false),
                    prerequisites = table.Column<string>(type: "TEXT", nullable: false),
                    objectives = table.Column<string>(type: "TEXT", nullable: false),
                    rewards = table.Column<string>(type: "TEXT", nullable: false),
                    npc_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    zone_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    is_repeatable = table.Column<bool>(type: "INTEGER", nullable: false),
                    cooldown = table.Column<int>(type: "INTEGER", nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quests", x => x.id);
                    table.ForeignKey(
                        name: "fk_quests_world_zones_zone_id",
                        column: x => x.zone_id,
                        principalTable: "world_zones",
                        principalColumn: "zone_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "spawn_points",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    spawn_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    zone_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    spawn_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    coordinates = table.Column<string>(type: "TEXT", nullable: false),
                    spawn_radius = table.Column<int>(type: "INTEGER", nullable: false),
                    spawn_count = table.Column<int>(type: "INTEGER", nullable: false),
                    respawn_time = table.Column<int>(type: "INTEGER", nullable: false),
                    spawn_chance = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    level_range = table.Column<string>(type: "TEXT", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spawn_points", x => x.id);
                    table.ForeignKey(
                        name: "fk_spawn_points_world_zones_zone_id",
                        column: x => x.zone_id,
                        principalTable: "world_zones",
                        principalColumn: "zone_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "territories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    territory_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    zone_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    owner_guild_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    territory_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    coordinates = table.Column<string>(type: "TEXT", nullable: false),
                    resources = table.Column<string>(type: "TEXT", nullable: true),
                    buildings = table.Column<string>(type: "TEXT", nullable: true),
                    defenses = table.Column<string>(type: "TEXT", nullable: true),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_territories", x => x.id);
                    table.ForeignKey(
                        name: "fk_territories_guilds_owner_guild_id",
                        column: x => x.owner_guild_id,
                        principalTable: "guilds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_territories_world_zones_zone_id",
                        column: x => x.zone_id,
                        principalTable: "world_zones",
                        principalColumn: "zone_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "weather_data",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    zone_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    weather_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    intensity = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    temperature = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    humidity = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: true),
                    wind_speed = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: true),
                    wind_direction = table.Column<int>(type: "INTEGER", nullable: true),
                    effects = table.Column<string>(type: "TEXT", nullable: true),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_weather_data", x => x.id);
                    table.ForeignKey(
                        name: "fk_weather_data_world_zones_zone_id",
                        column: x => x.zone_id,
                        principalTable: "world_zones",
                        principalColumn: "zone_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "world_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    zone_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    start_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    end_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    duration = table.Column<int>(type: "INTEGER", nullable: true),
                    max_participants = table.Column<int>(type: "INTEGER", nullable: true),
                    current_participants = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    rewards = table.Column<string>(type: "TEXT", nullable: false),
                    requirements = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_world_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_world_events_world_zones_zone_id",
                        column: x => x.zone_id,
                        principalTable: "world_zones",
                        principalColumn: "zone_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "actor_achievements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    achievement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    earned_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    progress_data = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actor_achievements", x => x.id);
                    table.ForeignKey(
                        name: "fk_actor_achievements_achievements_achievement_id",
                        column: x => x.achievement_id,
                        principalTable: "achievements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_actor_achievements_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "actor_equipment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    slot_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    durability = table.Column<int>(type: "INTEGER", nullable: true),
                    enhancement_level = table.Column<int>(type: "INTEGER", nullable: false),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    equipped_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actor_equipment", x => x.id);
                    table.ForeignKey(
                        name: "fk_actor_equipment_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_actor_equipment_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "actor_levels",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    experience_required = table.Column<long>(type: "INTEGER", nullable: false),
                    experience_current = table.Column<long>(type: "INTEGER", nullable: false),
                    stat_bonuses = table.Column<string>(type: "TEXT", nullable: true),
                    skill_points = table.Column<string>(type: "TEXT", nullable: true),
                    achieved_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actor_levels", x => x.id);
                    table.ForeignKey(
                        name: "fk_actor_levels_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "actor_resources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    resource_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    current_value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    max_value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    regen_rate = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    last_regen = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actor_resources", x => x.id);
                    table.ForeignKey(
                        name: "fk_actor_resources_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_actor_resources_resource_definitions_resource_id",
                        column: x => x.resource_id,
                        principalTable: "resource_definitions",
                        principalColumn: "resource_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "actor_skills",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    skill_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    experience = table.Column<int>(type: "INTEGER", nullable: false),
                    is_learned = table.Column<bool>(type: "INTEGER", nullable: false),
                    learned_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_used = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actor_skills", x => x.id);
                    table.ForeignKey(
                        name: "fk_actor_skills_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_actor_skills_skill_definitions_skill_id",
                        column: x => x.skill_id,
                        principalTable: "skill_definitions",
                        principalColumn: "skill_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "event_participations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: true),
                    rank = table.Column<int>(type: "INTEGER", nullable: true),
                    joined_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_participations", x => x.id);
                    table.ForeignKey(
                        name: "fk_event_participations_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_event_participations_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_participations_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "game_analytics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    metric_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    metric_value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    metric_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    tags = table.Column<string>(type: "TEXT", nullable: true),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_game_analytics", x => x.id);
                    table.ForeignKey(
                        name: "fk_game_analytics_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "guild_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guild_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    activity_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    details = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guild_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_guild_activities_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_guild_activities_guilds_guild_id",
                        column: x => x.guild_id,
                        principalTable: "guilds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "guild_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guild_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rank = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    contribution = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    joined_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_active_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guild_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_guild_members_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_guild_members_guilds_guild_id",
                        column: x => x.guild_id,
                        principalTable: "guilds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "guild_storage",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guild_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    slot_position = table.Column<int>(type: "INTEGER", nullable: true),
                    deposited_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    deposited_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guild_storage", x => x.id);
                    table.ForeignKey(
                        name: "fk_guild_storage_actors_deposited_by",
                        column: x => x.deposited_by,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_guild_storage_guilds_guild_id",
                        column: x => x.guild_id,
                        principalTable: "guilds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_guild_storage_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inventory_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    slot_position = table.Column<int>(type: "INTEGER", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    durability = table.Column<int>(type: "INTEGER", nullable: true),
                    enhancement_level = table.Column<int>(type: "INTEGER", nullable: false),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    acquired_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_inventory_items_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_inventory_items_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ratings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    game_mode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    rating = table.Column<int>(type: "INTEGER", nullable: false),
                    wins = table.Column<int>(type: "INTEGER", nullable: false),
                    losses = table.Column<int>(type: "INTEGER", nullable: false),
                    draws = table.Column<int>(type: "INTEGER", nullable: false),
                    win_streak = table.Column<int>(type: "INTEGER", nullable: false),
                    loss_streak = table.Column<int>(type: "INTEGER", nullable: false),
                    last_played = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_ratings_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "channel_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    permissions = table.Column<string>(type: "TEXT", nullable: true),
                    joined_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_read_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    is_muted = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_banned = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channel_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_channel_members_channels_channel_id",
                        column: x => x.channel_id,
                        principalTable: "channels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_channel_members_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "chat_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    channel_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    message_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    reply_to = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    metadata = table.Column<string>(type: "TEXT", nullable: true),
                    is_edited = table.Column<bool>(type: "INTEGER", nullable: false),
                    edited_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    is_deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_chat_messages_channels_channel_id",
                        column: x => x.channel_id,
                        principalTable: "channels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_chat_messages_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "team_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    team_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    joined_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_active = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_team_members_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_team_members_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quest_progress",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quest_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    progress = table.Column<string>(type: "TEXT", nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quest_progress", x => x.id);
                    table.ForeignKey(
                        name: "fk_quest_progress_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_quest_progress_quests_quest_id",
                        column: x => x.quest_id,
                        principalTable: "quests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "message_reactions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    emoji = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_reactions", x => x.id);
                    table.ForeignKey(
                        name: "fk_message_reactions_chat_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "chat_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_message_reactions_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "message_replies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    parent_message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reply_message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_replies", x => x.id);
                    table.ForeignKey(
                        name: "fk_message_replies_chat_messages_parent_message_id",
                        column: x => x.parent_message_id,
                        principalTable: "chat_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_message_replies_chat_messages_reply_message_id",
                        column: x => x.reply_message_id,
                        principalTable: "chat_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "player_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reporter_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    target_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    chat_message_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    assignee_staff_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    claimed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    resolution = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    resolution_note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_player_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_player_reports_chat_messages_chat_message_id",
                        column: x => x.chat_message_id,
                        principalTable: "chat_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_player_reports_players_reporter_user_id",
                        column: x => x.reporter_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_player_reports_players_target_user_id",
                        column: x => x.target_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_player_reports_users_assignee_staff_id",
                        column: x => x.assignee_staff_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_achievements_achievement_id",
                table: "achievements",
                column: "achievement_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_actor_achievements_achievement_id",
                table: "actor_achievements",
                column: "achievement_id");

            migrationBuilder.CreateIndex(
                name: "ix_actor_achievements_actor_id",
                table: "actor_achievements",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_actor_equipment_actor_id",
                table: "actor_equipment",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_actor_equipment_item_id",
                table: "actor_equipment",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_actor_levels_actor_id",
                table: "actor_levels",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_actor_resources_actor_id",
                table: "actor_resources",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_actor_resources_resource_id",
                table: "actor_resources",
                column: "resource_id");

            migrationBuilder.CreateIndex(
                name: "ix_actor_skills_actor_id",
                table: "actor_skills",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_actor_skills_skill_id",
                table: "actor_skills",
                column: "skill_id");

            migrationBuilder.CreateIndex(
                name: "ix_actors_level",
                table: "actors",
                column: "level");

            migrationBuilder.CreateIndex(
                name: "ix_actors_name",
                table: "actors",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_actors_user_id",
                table: "actors",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_timestamp",
                table: "audit_logs",
                column: "timestamp");

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_user_id_timestamp",
                table: "audit_logs",
                columns: new[] { "user_id", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_business_metrics_metric_name_timestamp",
                table: "business_metrics",
                columns: new[] { "metric_name", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_channel_members_channel_id",
                table: "channel_members",
                column: "channel_id");

            migrationBuilder.CreateIndex(
                name: "ix_channel_members_user_id",
                table: "channel_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_channels_channel_id",
                table: "channels",
                column: "channel_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_channels_guild_id",
                table: "channels",
                column: "guild_id");

            migrationBuilder.CreateIndex(
                name: "ix_channels_owner_id",
                table: "channels",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_channel_id_created_at",
                table: "chat_messages",
                columns: new[] { "channel_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_created_at",
                table: "chat_messages",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_message_id",
                table: "chat_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_user_id_created_at",
                table: "chat_messages",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_crafting_recipes_recipe_id",
                table: "crafting_recipes",
                column: "recipe_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_crafting_recipes_result_item_id",
                table: "crafting_recipes",
                column: "result_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_analytics_event_id",
                table: "event_analytics",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_analytics_metric_name_timestamp",
                table: "event_analytics",
                columns: new[] { "metric_name", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_event_participations_actor_id",
                table: "event_participations",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_participations_event_id_user_id",
                table: "event_participations",
                columns: new[] { "event_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_event_participations_user_id",
                table: "event_participations",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_rewards_event_id",
                table: "event_rewards",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_rewards_item_id",
                table: "event_rewards",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_schedules_event_id",
                table: "event_schedules",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_event_id",
                table: "events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_events_status_start_time",
                table: "events",
                columns: new[] { "status", "start_time" });

            migrationBuilder.CreateIndex(
                name: "ix_fraud_detection_is_confirmed_risk_score",
                table: "fraud_detection",
                columns: new[] { "is_confirmed", "risk_score" });

            migrationBuilder.CreateIndex(
                name: "ix_fraud_detection_user_id",
                table: "fraud_detection",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_game_analytics_actor_id",
                table: "game_analytics",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_game_analytics_metric_name_timestamp",
                table: "game_analytics",
                columns: new[] { "metric_name", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_guild_activities_actor_id",
                table: "guild_activities",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_guild_activities_guild_id",
                table: "guild_activities",
                column: "guild_id");

            migrationBuilder.CreateIndex(
                name: "ix_guild_members_actor_id",
                table: "guild_members",
                column: "actor_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_guild_members_guild_id",
                table: "guild_members",
                column: "guild_id");

            migrationBuilder.CreateIndex(
                name: "ix_guild_storage_deposited_by",
                table: "guild_storage",
                column: "deposited_by");

            migrationBuilder.CreateIndex(
                name: "ix_guild_storage_guild_id",
                table: "guild_storage",
                column: "guild_id");

            migrationBuilder.CreateIndex(
                name: "ix_guild_storage_item_id",
                table: "guild_storage",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_guilds_guild_id",
                table: "guilds",
                column: "guild_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_items_actor_id_slot_position",
                table: "inventory_items",
                columns: new[] { "actor_id", "slot_position" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_items_item_id",
                table: "inventory_items",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_items_item_id",
                table: "items",
                column: "item_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_items_item_type_rarity",
                table: "items",
                columns: new[] { "item_type", "rarity" });

            migrationBuilder.CreateIndex(
                name: "ix_items_name",
                table: "items",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_match_participants_match_id",
                table: "match_participants",
                column: "match_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_participants_user_id",
                table: "match_participants",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_queues_queue_id",
                table: "match_queues",
                column: "queue_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_match_queues_user_id",
                table: "match_queues",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_results_created_at",
                table: "match_results",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_match_results_match_id",
                table: "match_results",
                column: "match_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_results_user_id",
                table: "match_results",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_matches_created_at",
                table: "matches",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_matches_match_id",
                table: "matches",
                column: "match_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_message_reactions_message_id",
                table: "message_reactions",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_message_reactions_user_id",
                table: "message_reactions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_message_replies_parent_message_id",
                table: "message_replies",
                column: "parent_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_message_replies_reply_message_id",
                table: "message_replies",
                column: "reply_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_action_id",
                table: "moderation_actions",
                column: "action_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_created_at",
                table: "moderation_actions",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_expires_at",
                table: "moderation_actions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_moderator_id",
                table: "moderation_actions",
                column: "moderator_id");

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_target_user_id_created_at",
                table: "moderation_actions",
                columns: new[] { "target_user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_notification_id",
                table: "notifications",
                column: "notification_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_status_scheduled_at",
                table: "notifications",
                columns: new[] { "status", "scheduled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_created_at",
                table: "notifications",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_transactions_created_at",
                table: "payment_transactions",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_payment_transactions_provider_provider_transaction_id",
                table: "payment_transactions",
                columns: new[] { "provider", "provider_transaction_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_transactions_status_created_at",
                table: "payment_transactions",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_transactions_transaction_id",
                table: "payment_transactions",
                column: "transaction_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_transactions_user_id_created_at",
                table: "payment_transactions",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_performance_metrics_service_name_metric_name_timestamp",
                table: "performance_metrics",
                columns: new[] { "service_name", "metric_name", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_performance_metrics_timestamp",
                table: "performance_metrics",
                column: "timestamp");

            migrationBuilder.CreateIndex(
                name: "ix_player_reports_assignee_staff_id_status",
                table: "player_reports",
                columns: new[] { "assignee_staff_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_player_reports_chat_message_id",
                table: "player_reports",
                column: "chat_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_player_reports_created_at",
                table: "player_reports",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_player_reports_reporter_user_id",
                table: "player_reports",
                column: "reporter_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_player_reports_status_created_at",
                table: "player_reports",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_player_reports_target_user_id",
                table: "player_reports",
                column: "target_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_quest_progress_actor_id",
                table: "quest_progress",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_quest_progress_quest_id_status",
                table: "quest_progress",
                columns: new[] { "quest_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_quests_quest_id",
                table: "quests",
                column: "quest_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_quests_title",
                table: "quests",
                column: "title");

            migrationBuilder.CreateIndex(
                name: "ix_quests_zone_id",
                table: "quests",
                column: "zone_id");

            migrationBuilder.CreateIndex(
                name: "ix_ratings_actor_id_game_mode",
                table: "ratings",
                columns: new[] { "actor_id", "game_mode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ratings_game_mode_rating",
                table: "ratings",
                columns: new[] { "game_mode", "rating" });

            migrationBuilder.CreateIndex(
                name: "ix_resource_definitions_resource_id",
                table: "resource_definitions",
                column: "resource_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_security_events_created_at",
                table: "security_events",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_security_events_severity_created_at",
                table: "security_events",
                columns: new[] { "severity", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_security_events_user_id",
                table: "security_events",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_data_start_time",
                table: "session_data",
                column: "start_time");

            migrationBuilder.CreateIndex(
                name: "ix_session_data_user_id_start_time",
                table: "session_data",
                columns: new[] { "user_id", "start_time" });

            migrationBuilder.CreateIndex(
                name: "ix_skill_definitions_skill_id",
                table: "skill_definitions",
                column: "skill_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_spawn_points_spawn_id",
                table: "spawn_points",
                column: "spawn_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_spawn_points_zone_id",
                table: "spawn_points",
                column: "zone_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_audit_logs_created_at",
                table: "staff_audit_logs",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_staff_audit_logs_entity_type_entity_key_created_at",
                table: "staff_audit_logs",
                columns: new[] { "entity_type", "entity_key", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_audit_logs_staff_user_id_created_at",
                table: "staff_audit_logs",
                columns: new[] { "staff_user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_role_claims_role_id",
                table: "staff_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "staff_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_user_claims_user_id",
                table: "staff_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_user_logins_user_id",
                table: "staff_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_user_roles_role_id",
                table: "staff_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "staff_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "staff_users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_team_members_team_id",
                table: "team_members",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_user_id",
                table: "team_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_teams_leader_id",
                table: "teams",
                column: "leader_id");

            migrationBuilder.CreateIndex(
                name: "ix_teams_team_id",
                table: "teams",
                column: "team_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_territories_owner_guild_id",
                table: "territories",
                column: "owner_guild_id");

            migrationBuilder.CreateIndex(
                name: "ix_territories_territory_id",
                table: "territories",
                column: "territory_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_territories_zone_id",
                table: "territories",
                column: "zone_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_analytics_metric_name_timestamp",
                table: "user_analytics",
                columns: new[] { "metric_name", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_user_analytics_timestamp",
                table: "user_analytics",
                column: "timestamp");

            migrationBuilder.CreateIndex(
                name: "ix_user_analytics_user_id",
                table: "user_analytics",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_preferences_user_id",
                table: "user_preferences",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_sessions_created_at",
                table: "user_sessions",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_user_sessions_user_id_is_active",
                table: "user_sessions",
                columns: new[] { "user_id", "is_active" });

            migrationBuilder.CreateIndex(
                name: "ix_users_created_at",
                table: "users",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_users_email",
                table: "users",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_status_created_at",
                table: "users",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_users_username",
                table: "users",
                column: "username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_weather_data_zone_id_timestamp",
                table: "weather_data",
                columns: new[] { "zone_id", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_world_events_event_id",
                table: "world_events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_world_events_zone_id",
                table: "world_events",
                column: "zone_id");

            migrationBuilder.CreateIndex(
                name: "ix_world_zones_zone_id",
                table: "world_zones",
                column: "zone_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "actor_achievements");

            migrationBuilder.DropTable(
                name: "actor_equipment");

            migrationBuilder.DropTable(
                name: "actor_levels");

            migrationBuilder.DropTable(
                name: "actor_resources");

            migrationBuilder.DropTable(
                name: "actor_skills");

            migrationBuilder.DropTable(
                name: "audit_logs");

            migrationBuilder.DropTable(
                name: "business_metrics");

            migrationBuilder.DropTable(
                name: "channel_members");

            migrationBuilder.DropTable(
                name: "crafting_recipes");

            migrationBuilder.DropTable(
                name: "event_analytics");

            migrationBuilder.DropTable(
                name: "event_participations");

            migrationBuilder.DropTable(
                name: "event_rewards");

            migrationBuilder.DropTable(
                name: "event_schedules");

            migrationBuilder.DropTable(
                name: "fraud_detection");

            migrationBuilder.DropTable(
                name: "game_analytics");

            migrationBuilder.DropTable(
                name: "guild_activities");

            migrationBuilder.DropTable(
                name: "guild_members");

            migrationBuilder.DropTable(
                name: "guild_storage");

            migrationBuilder.DropTable(
                name: "inventory_items");

            migrationBuilder.DropTable(
                name: "match_participants");

            migrationBuilder.DropTable(
                name: "match_queues");

            migrationBuilder.DropTable(
                name: "match_results");

            migrationBuilder.DropTable(
                name: "message_reactions");

            migrationBuilder.DropTable(
                name: "message_replies");

            migrationBuilder.DropTable(
                name: "moderation_actions");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "payment_transactions");

            migrationBuilder.DropTable(
                name: "performance_metrics");

            migrationBuilder.DropTable(
                name: "player_reports");

            migrationBuilder.DropTable(
                name: "quest_progress");

            migrationBuilder.DropTable(
                name: "ratings");

            migrationBuilder.DropTable(
                name: "security_events");

            migrationBuilder.DropTable(
                name: "session_data");

            migrationBuilder.DropTable(
                name: "spawn_points");

            migrationBuilder.DropTable(
                name: "staff_audit_logs");

            migrationBuilder.DropTable(
                name: "staff_role_claims");

            migrationBuilder.DropTable(
                name: "staff_user_claims");

            migrationBuilder.DropTable(
                name: "staff_user_logins");

            migrationBuilder.DropTable(
                name: "staff_user_roles");

            migrationBuilder.DropTable(
                name: "staff_user_tokens");

            migrationBuilder.DropTable(
                name: "team_members");

            migrationBuilder.DropTable(
                name: "territories");

            migrationBuilder.DropTable(
                name: "user_analytics");

            migrationBuilder.DropTable(
                name: "user_preferences");

            migrationBuilder.DropTable(
                name: "user_sessions");

            migrationBuilder.DropTable(
                name: "weather_data");

            migrationBuilder.DropTable(
                name: "world_events");

            migrationBuilder.DropTable(
                name: "achievements");

            migrationBuilder.DropTable(
                name: "resource_definitions");

            migrationBuilder.DropTable(
                name: "skill_definitions");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "items");

            migrationBuilder.DropTable(
                name: "matches");

            migrationBuilder.DropTable(
                name: "chat_messages");

            migrationBuilder.DropTable(
                name: "quests");

            migrationBuilder.DropTable(
                name: "actors");

            migrationBuilder.DropTable(
                name: "staff_roles");

            migrationBuilder.DropTable(
                name: "staff_users");

            migrationBuilder.DropTable(
                name: "teams");

            migrationBuilder.DropTable(
                name: "channels");

            migrationBuilder.DropTable(
                name: "world_zones");

            migrationBuilder.DropTable(
                name: "guilds");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
