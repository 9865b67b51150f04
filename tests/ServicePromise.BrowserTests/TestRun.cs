// One browser test class at a time. Each class starts a site of its own and drives Chromium; run side by side on a
// 2-core machine, a page could wait so long for the CPU that a click's navigation or the axe check of a page timed
// out (seen in about one run in three once a fifth site was added). Sequential runs cost about a minute more.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
