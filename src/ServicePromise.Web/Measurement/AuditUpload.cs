namespace ServicePromise.Web.Measurement;

/// <summary>
/// An audit file HR uploaded, kept between its dry run and its apply so both read exactly the same bytes (whichever
/// app instance serves them). Applied once: a second apply of the same upload does nothing.
/// </summary>
public class AuditUpload
{
    public int Id { get; set; }
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public int UploadedById { get; set; }
    public DateTime UploadedAt { get; set; }
    public DateTime? AppliedAt { get; set; }
}
