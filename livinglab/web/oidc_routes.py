"""(being written: issue 22)"""

from starlette.routing import Route

ROUTES: list[Route] = []
