alert("mine")
