using GameOps.Web.Infrastructure;

namespace GameOps.Web.Services.Moderation;

/// <summary>
/// The report queue changed (claims, actions), so open queues refresh at once — on every instance: <see cref="Notify"/>
/// publishes a <see cref="Topic"/> change notice and <see cref="Changed"/> fires for notices from any instance.
/// Constructed without notices (tests), it is the in-process signal it always was.
/// </summary>
public sealed class ReportQueueNotifier
{
    public const string Topic = "report-queue";

    readonly IChangeNotices? notices;

    public ReportQueueNotifier() { }

    public ReportQueueNotifier(IChangeNotices notices)
    {
        this.notices = notices;
        notices.Received += notice => { if (notice.Concerns(Topic)) Changed?.Invoke(); };
    }

    public event Action? Changed;

    public void Notify()
    {
        if (notices is null) Changed?.Invoke();
        else notices.Publish(new ChangeNotice(Topic, []));
    }
}
