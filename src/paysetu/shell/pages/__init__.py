"""The page shell: the templates, static assets, rendering and charts all pages share.

The web pages are server-rendered HTML over the same use cases as the API.

How a page is added:

1. Write a route in the ``pages`` folder of its capability (``paysetu/<capability>/pages/``) on
   paysetu's ``APIRouter(include_in_schema=False)`` (:mod:`paysetu.shell.http.routing`: a
   ``def`` route runs on paysetu's thread pool; pages are not the API: they stay out of the
   OpenAPI document, and the API's query-parameter guard leaves their query strings alone). Take
   the signed-in user with a dependency of :mod:`paysetu.shell.pages.auth`
   (``MerchantSession``, ``LenderSession``, ``AdminSession``, or ``OptionalSession`` for a
   public page) and, for a POST, ``Form`` (its CSRF token is checked before the route runs).
2. Read and write through the capability's use cases (``paysetu/<capability>/usecases/``),
   scoped to the session's merchant or lender; an object of another owner is
   :func:`paysetu.shell.pages.auth.page_not_found` (404), never a different page.
3. Answer with :func:`.rendering.render` (a template under ``templates/`` that extends
   ``base.html``); after a successful POST answer :func:`.rendering.redirect` (303) with a
   flash message. A refusal (:class:`~paysetu.ledger.rules.errors.PaysetuError`) is shown next
   to the field its ``param`` names, with the status the API would give.
4. List the router in :data:`paysetu.app.pages.install.PAGE_ROUTERS`.

Money is shown with the ``money`` filter (``{{ p.amount_minor|money(p.currency) }}``:
``₹1,00,000.00``, the currency's ISO 4217 decimals).
"""
