### What every page shares: the frame, dates, the landing page (/), and
### the pages that only say something went wrong.

# The link at the top of every page.
page-header-support = Support center

## Dates and times, in UTC: the product knows no user's time zone, so the
## zone is always named. $month is 1 to 12; $hour and $minute have two digits.

month-long =
    { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    }
month-short =
    { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    }
# "1 November 2026"
date = { $day } { month-long } { $year }
# "Nov 1, 2026 at 14:05 UTC"
datetime = { month-short } { $day }, { $year } at { $hour }:{ $minute } UTC
# "Nov 1, 14:05 UTC", for an SMS (one segment: short, GSM-7 characters only)
datetime-short = { month-short } { $day }, { $hour }:{ $minute } UTC

## The landing page.

landing-title = Help and support
landing-lead = Answers to your questions, and tools to reach our support team safely.
landing-support = Support center
landing-support-hint = Join a video call with support, or check that an agent is genuine.
landing-help-centers = Help centers
landing-help-hint = Articles about signing in, codes and keeping your account safe.
landing-no-help-center = No help center is published yet.

## Pages that say something went wrong.

error-title = Something went wrong
error-page-lead = This page cannot be shown right now. Try again in a moment.
