namespace ServicePromise.Web.Staff.Import;

/// <summary>
/// A staff file HR uploaded, kept between its dry run and its apply so both read exactly the same bytes (and so
/// the apply works whichever app instance serves it). Applied once: a second apply of the same upload does nothing.
/// </summary>
public class StaffUpload
{
    public int Id { get; set; }
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public bool FullImport { get; set; }
    public int UploadedById { get; set; }
    public Employee? UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
    public DateTime? AppliedAt { get; set; }
}
