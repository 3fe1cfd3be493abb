using System.Text.Json.Nodes;

namespace Commentary.Core.Notifications;

/// <summary>One comment as a moderator's message shows it, with the links made for that moderator.</summary>
public sealed record NoticeItem(NotificationEvent Event, Uri? Dashboard, Uri? Approve, Uri? Reject);

/// <summary>
/// What one moderator (an address, or a webhook endpoint's name) is told about one event or one digest, and how it is
/// written for each channel: mail (plain text and HTML), our JSON, Slack blocks, a Teams Adaptive Card. Nothing here
/// carries the commenter's email or IP: the event never has them.
/// </summary>
public sealed class ModeratorNotice
{
    /// <summary>How many comments a Slack or Teams digest lists one by one (their messages have size limits); mail and our JSON list all.</summary>
    public const int ChatDigestItems = 15;

    // Payloads are read by programs, never put into HTML as they are: non-ASCII text stays readable.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ModeratorNotice(NotificationEvent notification, IReadOnlyList<NoticeItem> items, Uri? home)
    {
        Event = notification;
        Items = items;
        Home = home;
    }

    public NotificationEvent Event { get; }

    public IReadOnlyList<NoticeItem> Items { get; }

    public Uri? Home { get; }

    public bool IsDigest => Event.Kind == NotificationKinds.HeldDigest;

    public bool IsUrgent => Event.Kind == NotificationKinds.Urgent;

    public static ModeratorNotice For(NotificationEvent notification, string moderator, NotificationOptions options, IModerationLinks links)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(links);
        var events = notification.Digest ?? [notification];
        var items = events.Select(e =>
        {
            var held = e.Status == "pending" && e.ETag is not null && links.IsConfigured;
            return new NoticeItem(
                e,
                options.DashboardLink(e.Slug, e.CommentId),
                held ? links.Create(ModerationLinkAction.Approve, e.Slug, e.CommentId, e.ETag!, moderator) : null,
                held ? links.Create(ModerationLinkAction.Reject, e.Slug, e.CommentId, e.ETag!, moderator) : null);
        }).ToList();
        return new ModeratorNotice(notification, items, options.DashboardHome);
    }

    public string Subject => Event.Kind switch
    {
        NotificationKinds.HeldDigest => Items.Count == 1 ? "1 comment waits for moderation" : $"{Items.Count} comments wait for moderation",
        NotificationKinds.Urgent => $"URGENT: a comment on \"{Event.Slug}\" is in the crisis lane",
        NotificationKinds.Held => $"A comment on \"{Event.Slug}\" waits for moderation",
        NotificationKinds.Published => $"A comment on \"{Event.Slug}\" was published",
        NotificationKinds.Rejected => $"A comment on \"{Event.Slug}\" was rejected",
        NotificationKinds.Replied => $"A reply on \"{Event.Slug}\" was published",
        _ => $"News about a comment on \"{Event.Slug}\"",
    };

    private string Lead => Event.Kind switch
    {
        NotificationKinds.HeldDigest => "These comments are held for a moderator:",
        NotificationKinds.Urgent => "A comment was held in the crisis lane: its writer may need help now. Please look at it at once.",
        NotificationKinds.Held => "A comment is held for a moderator.",
        NotificationKinds.Replied => "A reply was published.",
        _ => Subject + ".",
    };

    private static string Reasons(NotificationEvent e) =>
        string.Join("; ", e.Reasons.Select(r => string.IsNullOrWhiteSpace(r.Detail) ? r.Rule : $"{r.Rule} ({r.Detail})"));

    public string Text()
    {
        var text = new StringBuilder();
        text.AppendLine(Lead).AppendLine();
        foreach (var item in Items)
        {
            var e = item.Event;
            text.AppendLine(CultureInfo.InvariantCulture, $"{e.Author} on \"{e.Slug}\"{(e.Urgent ? " (URGENT)" : string.Empty)}:");
            text.AppendLine(CultureInfo.InvariantCulture, $"  \"{e.Excerpt}\"");
            if (e.Reasons.Count > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  Why: {Reasons(e)}");
            }

            if (e.By is { } by && Event.Kind is NotificationKinds.Published or NotificationKinds.Rejected)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  By: {by}{(string.IsNullOrWhiteSpace(e.Note) ? string.Empty : " — " + e.Note)}");
            }

            AppendLink(text, "Open in the dashboard", item.Dashboard);
            AppendLink(text, "Approve", item.Approve);
            AppendLink(text, "Reject", item.Reject);
            text.AppendLine();
        }

        if (Home is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"All held comments: {Home}");
        }

        text.AppendLine("You get this because your address is in Notifications__ModeratorEmails.");
        return text.ToString();
    }

    private static void AppendLink(StringBuilder text, string label, Uri? link)
    {
        if (link is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {label}: {link.AbsoluteUri}");
        }
    }

    public string Html()
    {
        static string H(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
        var html = new StringBuilder();
        html.Append("<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.4\">");
        html.Append(CultureInfo.InvariantCulture, $"<p{(IsUrgent ? " style=\"color:#b00020;font-weight:bold\"" : string.Empty)}>{H(Lead)}</p>");
        foreach (var item in Items)
        {
            var e = item.Event;
            html.Append("<div style=\"border-left:4px solid ").Append(e.Urgent ? "#b00020" : "#888").Append(";padding:0 0 0 12px;margin:16px 0\">");
            html.Append(CultureInfo.InvariantCulture, $"<p><strong>{H(e.Author)}</strong> on <em>{H(e.Slug)}</em>{(e.Urgent ? " <strong>(URGENT)</strong>" : string.Empty)}</p>");
            html.Append(CultureInfo.InvariantCulture, $"<blockquote style=\"margin:0 0 8px 0;color:#333\">{H(e.Excerpt)}</blockquote>");
            ModerationReasonHtml.Append(html, e.Reasons, H);

            html.Append("<p>");
            AppendButton(html, "Open in the dashboard", item.Dashboard, "#333");
            AppendButton(html, "Approve", item.Approve, "#1b7f3b");
            AppendButton(html, "Reject", item.Reject, "#b00020");
            html.Append("</p></div>");
        }

        if (Home is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{H(Home.AbsoluteUri)}\">All held comments</a></p>");
        }

        html.Append("<p style=\"color:#777;font-size:small\">You get this because your address is in Notifications__ModeratorEmails.</p></body></html>");
        return html.ToString();
    }

    private static void AppendButton(StringBuilder html, string label, Uri? link, string colour)
    {
        if (link is not null)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<a href=\"{WebUtility.HtmlEncode(link.AbsoluteUri)}\" style=\"display:inline-block;margin-right:8px;padding:6px 12px;color:#fff;background:{colour};text-decoration:none;border-radius:4px\">{label}</a>");
        }
    }

    /// <summary>Our JSON: <c>{"type", "timestamp", "data"}</c> as Standard Webhooks suggests.</summary>
    public string StandardPayload(DateTimeOffset now)
    {
        JsonObject data = IsDigest
            ? new JsonObject
            {
                ["digestId"] = Event.Id,
                ["count"] = Items.Count,
                ["comments"] = new JsonArray([.. Items.Select(i => (JsonNode)ItemJson(i))]),
                ["dashboardUrl"] = Home?.AbsoluteUri,
            }
            : ItemJson(Items[0]);
        var payload = new JsonObject
        {
            ["type"] = Event.Kind,
            ["timestamp"] = now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["data"] = data,
        };
        return payload.ToJsonString(Json);
    }

    private static JsonObject ItemJson(NoticeItem item)
    {
        var e = item.Event;
        return new JsonObject
        {
            ["eventId"] = e.Id,
            ["kind"] = e.Kind,
            ["slug"] = e.Slug,
            ["commentId"] = e.CommentId,
            ["parentId"] = e.ParentId,
            ["at"] = e.At.ToString("O", CultureInfo.InvariantCulture),
            ["author"] = e.Author,
            ["excerpt"] = e.Excerpt,
            ["status"] = e.Status,
            ["urgent"] = e.Urgent,
            ["reasons"] = new JsonArray([.. e.Reasons.Select(r => (JsonNode)new JsonObject { ["rule"] = r.Rule, ["detail"] = r.Detail })]),
            ["by"] = e.By,
            ["dashboardUrl"] = item.Dashboard?.AbsoluteUri,
            ["approveUrl"] = item.Approve?.AbsoluteUri,
            ["rejectUrl"] = item.Reject?.AbsoluteUri,
        };
    }

    /// <summary>A Slack incoming-webhook message: <c>text</c> (notifications and fallbacks) and Block Kit blocks.</summary>
    public string SlackPayload()
    {
        static string M(string? value) => (value ?? string.Empty).Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut((IsUrgent ? "🚨 " : string.Empty) + Subject, 150) },
            },
        };
        foreach (var item in Items.Take(ChatDigestItems))
        {
            var e = item.Event;
            var text = $"*{M(e.Author)}* on `{M(e.Slug)}`{(e.Urgent ? " *(URGENT)*" : string.Empty)}\n>{M(e.Excerpt)}";
            if (e.Reasons.Count > 0)
            {
                text += $"\n_Why:_ {M(Reasons(e))}";
            }

            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(text, 3000) } });
            var buttons = new JsonArray();
            AddSlackButton(buttons, "Open in the dashboard", item.Dashboard, null, $"open-{e.CommentId}");
            AddSlackButton(buttons, "Approve", item.Approve, "primary", $"approve-{e.CommentId}");
            AddSlackButton(buttons, "Reject", item.Reject, "danger", $"reject-{e.CommentId}");
            if (buttons.Count > 0)
            {
                blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = buttons });
            }
        }

        if (Items.Count > ChatDigestItems)
        {
            var more = $"…and {Items.Count - ChatDigestItems} more" + (Home is null ? "." : $" in <{Home.AbsoluteUri}|the dashboard>.");
            blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = more }) });
        }

        var first = Items[0].Event;
        var fallback = IsDigest ? Subject : $"{Subject}: {first.Author}: \"{Cut(first.Excerpt, 200)}\"";
        return new JsonObject { ["text"] = M(fallback), ["blocks"] = blocks }.ToJsonString(Json);
    }

    private static void AddSlackButton(JsonArray buttons, string label, Uri? link, string? style, string actionId)
    {
        if (link is null)
        {
            return;
        }

        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
            ["url"] = link.AbsoluteUri,
            ["action_id"] = actionId,
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        buttons.Add(button);
    }

    /// <summary>A message for a Teams Workflows "when a webhook request is received" flow: one Adaptive Card (1.4).</summary>
    public string TeamsPayload()
    {
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["size"] = "Large",
                ["weight"] = "Bolder",
                ["wrap"] = true,
                ["color"] = IsUrgent ? "Attention" : "Default",
                ["text"] = Subject,
            },
        };
        foreach (var item in Items.Take(ChatDigestItems))
        {
            var e = item.Event;
            var container = new JsonArray
            {
                new JsonObject { ["type"] = "TextBlock", ["wrap"] = true, ["weight"] = "Bolder", ["text"] = $"{e.Author} on \"{e.Slug}\"{(e.Urgent ? " (URGENT)" : string.Empty)}" },
                new JsonObject { ["type"] = "TextBlock", ["wrap"] = true, ["text"] = e.Excerpt },
            };
            if (e.Reasons.Count > 0)
            {
                container.Add(new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray([.. e.Reasons.Select(r => (JsonNode)new JsonObject { ["title"] = r.Rule, ["value"] = string.IsNullOrWhiteSpace(r.Detail) ? "-" : r.Detail })]),
                });
            }

            var actions = new JsonArray();
            AddTeamsAction(actions, "Open in the dashboard", item.Dashboard, null);
            AddTeamsAction(actions, "Approve", item.Approve, "positive");
            AddTeamsAction(actions, "Reject", item.Reject, "destructive");
            if (actions.Count > 0)
            {
                container.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = actions });
            }

            body.Add(new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = container });
        }

        if (Items.Count > ChatDigestItems)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["wrap"] = true, ["isSubtle"] = true, ["text"] = $"…and {Items.Count - ChatDigestItems} more." });
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (Home is not null)
        {
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "All held comments", ["url"] = Home.AbsoluteUri });
        }

        var message = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        };
        return message.ToJsonString(Json);
    }

    private static void AddTeamsAction(JsonArray actions, string title, Uri? link, string? style)
    {
        if (link is null)
        {
            return;
        }

        var action = new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = link.AbsoluteUri };
        if (style is not null)
        {
            action["style"] = style;
        }

        actions.Add(action);
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
