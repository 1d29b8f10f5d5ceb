"""What every capability's HTTP routes and web pages share: request shapes, lists, page rendering."""
