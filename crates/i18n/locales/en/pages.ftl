### What every page shares: the frame, dates, the landing page (/), and
### the pages that only say something went wrong.

## The header at the top of every page: where the user is. $service is the
## service's name.

# The landing page (/) and the not-found page.
page-header-home = Help and support
page-header-support = Support center
page-header-help = { $service } help center
# The security center, before its service is known (e.g. no session).
page-header-security = Security center
page-header-security-of = { $service } security center
# The hosted verification page, before its service is known (e.g. a wrong link).
page-header-verify = Secure verification
page-header-verify-for = Secure verification for { $service }

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
# "Nov 1, 2026 at 14:05 UTC". Where a language's words before a date
# change with the day, datetime and datetime-short may have an .until
# attribute: the date as it follows "until" (Italian "fino al 9", "fino
# all'8"), for withdrawals held until then.
datetime = { month-short } { $day }, { $year } at { $hour }:{ $minute } UTC
# "Nov 1, 14:05 UTC", for an SMS (one segment: short, GSM-7 characters only)
datetime-short = { month-short } { $day }, { $hour }:{ $minute } UTC

## The landing page; its list of help centers is on the support center too.

landing-title = Help and support
landing-lead = Answers to your questions, and tools to reach our support team safely.
landing-support = Support center
landing-support-hint = Join a video call with support, or check that an agent is genuine.
landing-help-centers = Help centers
landing-help-hint = Articles about signing in, codes and keeping your account safe.
landing-no-help-center = No help center is published yet.

## Pages that say something went wrong.

error-title = Something went wrong
# An address that leads nowhere: an unknown page, help center or article.
page-not-found-title = Page not found
page-not-found-lead = There is no page at this address. Check the link you followed.
# The link from the not-found page to the landing page.
page-not-found-home = Go to help and support
error-page-lead = This page cannot be shown right now. Try again in a moment.

# The footer of a service's pages: its support contact and privacy notice.
brand-support = Contact support
brand-privacy = Privacy
# The last lines of every email of a service with these links.
brand-email-support = Help: { $support }
brand-email-privacy = Privacy notice: { $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = This page could not handle that request. Go back and try again.
